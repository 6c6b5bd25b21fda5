import { parseArgs } from 'node:util';
import { PAYLOAD_NAMES, type PayloadName } from './payloads.js';

/** What one `npm run bench` does, from its flags. */
export interface BenchSettings {
  /** A short smoke run: numbers too noisy to publish, written to bench/results/quick.json.tmp. */
  quick: boolean;
  sections: ReadonlySet<Section>;
  /** Contender ids to run (default all). */
  only: ReadonlySet<string> | undefined;
  connections: number;
  /** Seconds of each measured load run. */
  durationSec: number;
  /** Seconds of load before a contender's first measured run, per payload. */
  warmupSec: number;
  /** Measured runs per contender and payload, alternated between contenders. */
  rounds: number;
  /** Spawns per contender for the cold-start median (after one discarded spawn). */
  coldRuns: number;
  /** Time budget per micro-benchmark task, ms. */
  microTimeMs: number;
  /** Alternating rounds of the agent section (floor, then library). */
  agentRounds: number;
  /** `--profile ID`: profile one contender under load instead of benchmarking. */
  profile: string | undefined;
  /** `--profile-cold ID`: profile one contender from spawn to its first answer. */
  profileCold: string | undefined;
  /** Payload for `--profile`. */
  payload: PayloadName;
}

export type Section = 'load' | 'cold' | 'micro' | 'agent' | 'playground';
export const SECTIONS: readonly Section[] = ['load', 'cold', 'micro', 'agent', 'playground'];

export const USAGE = `npm run bench -- [--quick] [--only ID,ID] [--sections load,cold,micro,agent,playground]
                     [--profile ID [--payload cx|es|endpoint]] [--profile-cold ID]`;

/** Parses `npm run bench -- …` flags; unknown flags are refused. */
export function benchSettings(args: readonly string[]): BenchSettings {
  const { values } = parseArgs({
    args: [...args],
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      sections: { type: 'string' },
      profile: { type: 'string' },
      'profile-cold': { type: 'string' },
      payload: { type: 'string', default: 'cx' },
    },
    strict: true,
  });
  const sections = values.sections === undefined ? SECTIONS : list(values.sections);
  for (const section of sections) {
    if (!SECTIONS.includes(section as Section)) throw new Error(`unknown section "${section}"; use ${SECTIONS.join(', ')}\n${USAGE}`);
  }
  if (!PAYLOAD_NAMES.includes(values.payload as PayloadName)) throw new Error(`--payload is ${PAYLOAD_NAMES.join(', ')}, not "${values.payload}"`);
  const quick = values.quick;
  return {
    quick,
    sections: new Set(sections as Section[]),
    only: values.only === undefined ? undefined : new Set(list(values.only)),
    connections: 50,
    durationSec: quick ? 2 : 8,
    warmupSec: quick ? 1 : 3,
    rounds: quick ? 1 : 3,
    coldRuns: quick ? 3 : 9,
    microTimeMs: quick ? 100 : 700,
    agentRounds: quick ? 3 : 7,
    profile: values.profile,
    profileCold: values['profile-cold'],
    payload: values.payload as PayloadName,
  };
}

function list(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
