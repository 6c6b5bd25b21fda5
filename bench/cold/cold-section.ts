import { setTimeout as sleep } from 'node:timers/promises';
import type { Contender } from '../contenders.js';
import type { Payload, PayloadName } from '../payloads.js';
import type { BenchSettings } from '../settings.js';
import type { Pinning } from '../process/cpu-pinning.js';
import { freePort } from '../process/free-port.js';
import { spawnServer } from '../process/server-process.js';
import { waitForQuiet } from '../process/wait-for-quiet.js';
import { median } from '../report/stats.js';

/** Spawn-to-first-answer times of one contender. */
export interface ColdStart {
  contender: string;
  runsMs: number[];
  medianMs: number;
}

/**
 * Cold start: the time from spawning the process to the first 200 on a POST /webhook (the ES
 * payload, which every contender serves), polled every millisecond while the port refuses.
 * Each contender is spawned once first and that time discarded (it pays for a cold disk
 * cache); then the runs alternate between contenders, each round once the machine is quiet.
 */
export async function runColdSection(
  contenders: readonly Contender[],
  payloads: Readonly<Record<PayloadName, Payload>>,
  settings: BenchSettings,
  pinning: Pinning,
  log: (line: string) => void,
): Promise<ColdStart[]> {
  const runs = new Map<string, number[]>(contenders.map((c) => [c.id, []]));
  const once = async (contender: Contender): Promise<number> => {
    // The ES payload, which every webhook contender serves; an endpoint-only contender its own.
    const probe = payloads[contender.payloads.includes('es') ? 'es' : contender.payloads[0]!];
    const server = spawnServer(contender, { pinning, port: await freePort(), probe: { body: probe.body, headers: contender.headers, path: probe.path } });
    try {
      return (await server.ready) - server.spawnedAt;
    } finally {
      await server.stop('SIGKILL');
    }
  };
  for (const contender of contenders) await once(contender);
  for (let run = 0; run < settings.coldRuns; run++) {
    await waitForQuiet(settings.quick ? 2_000 : 20_000);
    const offset = run % contenders.length;
    for (const contender of [...contenders.slice(offset), ...contenders.slice(0, offset)]) {
      runs.get(contender.id)!.push(await once(contender));
      await sleep(50);
    }
    log(`cold start run ${run + 1}/${settings.coldRuns}: ${contenders.map((c) => `${c.id} ${Math.round(runs.get(c.id)!.at(-1)!)} ms`).join(', ')}`);
  }
  return contenders.map((c) => ({ contender: c.id, runsMs: runs.get(c.id)!, medianMs: median(runs.get(c.id)!) }));
}
