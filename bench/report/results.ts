import type { Skipped } from '../check-contenders.js';
import type { ColdStart } from '../cold/cold-section.js';
import type { Role } from '../contenders.js';
import type { LoadCell } from '../load/load-section.js';
import type { MicroResult } from '../micro/micro-section.js';
import type { AgentBench } from '../agent/agent-section.js';
import type { PlaygroundResult } from '../playground/playground-section.js';
import type { PayloadName } from '../payloads.js';
import type { BenchSettings } from '../settings.js';
import type { Machine } from './machine.js';

/** One contender on one payload: medians over the rounds, and ratios. */
export interface LoadRow {
  contender: string;
  payload: PayloadName;
  reqPerSec: number;
  /** Half the range of the rounds' req/s over their median, %. */
  spreadPercent: number;
  p50Ms: number;
  p975Ms: number;
  p99Ms: number;
  cpuUsPerRequest: number;
  serverCpuPercent: number;
  /** The most CPU that other processes on the machine took during a round, % of one core. */
  foreignCpuPercent: number;
  /** req/s over bare node:http's on the same payload. */
  vsLimit: number | null;
  /** req/s over dialogflow-fulfillment's (ES only: the peer has no CX). */
  vsPeer: number | null;
  failures: number;
}

/** One target of the issue, checked. */
export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

/** Everything a run produced: bench/results/latest.json. */
export interface BenchResults {
  quick: boolean;
  startedAt: string;
  finishedAt: string;
  machine: Machine;
  /** The run's settings as used, and what ran them. */
  method: Pick<BenchSettings, 'connections' | 'durationSec' | 'warmupSec' | 'rounds' | 'coldRuns' | 'microTimeMs'> & {
    loadGenerator: string;
    pinning: string;
    /** Older results have no endpoint payload. */
    payloads: Record<'cx' | 'es', string> & Partial<Record<PayloadName, string>>;
  };
  contenders: { id: string; label: string; role: Role }[];
  skipped: Skipped[];
  load: { rows: LoadRow[]; cells: LoadCell[] } | null;
  /** Peak resident memory under load, MB (10⁶ bytes), per contender. */
  peakRssMB: Record<string, number> | null;
  coldStart: ColdStart[] | null;
  micro: MicroResult[] | null;
  /** Reading and linting a big agent export (absent in runs from before that section). */
  agent?: AgentBench | null;
  /** What a turn through `fulfiller play` adds to `app.handle()`; absent from runs made before it was measured. */
  playground?: PlaygroundResult | null;
  targets: TargetCheck[];
}
