import { setTimeout as sleep } from 'node:timers/promises';
import type { Contender } from '../contenders.js';
import type { Payload, PayloadName } from '../payloads.js';
import type { BenchSettings } from '../settings.js';
import type { Pinning } from '../process/cpu-pinning.js';
import { freePort } from '../process/free-port.js';
import { machineBusyMs } from '../process/machine-cpu.js';
import { procStats, ticksPerSecond } from '../process/proc-stats.js';
import { spawnServer, urlFor, type ServerProcess } from '../process/server-process.js';
import { QUIET_PERCENT, waitForQuiet } from '../process/wait-for-quiet.js';
import { runLoad, type LoadRun } from './run-load.js';

/** One measured run, with what the server's process spent on it. */
export interface LoadSample extends LoadRun {
  /** CPU time of the server process over wall time, % of one core. */
  serverCpuPercent: number;
  /** Server CPU time per answered request, µs: the cost of a request whoever limits the rate. */
  cpuUsPerRequest: number;
  /** CPU that processes other than the server and the harness took meanwhile, % of one core. */
  foreignCpuPercent: number;
}

/** The runs of one contender on one payload. */
export interface LoadCell {
  contender: string;
  payload: PayloadName;
  runs: LoadSample[];
}

export interface LoadSection {
  cells: LoadCell[];
  /** VmHWM after all runs: peak resident memory, bytes, per contender. */
  peakRssBytes: Record<string, number>;
}

/**
 * Throughput and latency of every contender on every payload it serves. All servers run at
 * once (idle ones cost nothing) so that the rounds can alternate between them: round r runs
 * every cell in an order rotated by r, so a slow minute of the machine spreads over everyone.
 */
export async function runLoadSection(
  contenders: readonly Contender[],
  payloads: Readonly<Record<PayloadName, Payload>>,
  settings: BenchSettings,
  pinning: Pinning,
  log: (line: string) => void,
): Promise<LoadSection> {
  const servers = new Map<string, ServerProcess>();
  try {
    for (const contender of contenders) {
      const first = payloads[contender.payloads[0]!];
      const server = spawnServer(contender, { pinning, port: await freePort(), probe: { body: first.body, headers: contender.headers, path: first.path } });
      servers.set(contender.id, server);
      await server.ready;
    }
    const cells = contenders.flatMap((c) => c.payloads.map((payload): LoadCell => ({ contender: c.id, payload, runs: [] })));
    const byId = new Map(contenders.map((c) => [c.id, c]));
    const load = (cell: LoadCell, durationSec: number) => {
      const contender = byId.get(cell.contender)!;
      const url = servers.get(cell.contender)!.url;
      const payload = payloads[cell.payload];
      return runLoad({ url: urlFor(url, payload.path), body: payload.body, headers: contender.headers, connections: settings.connections, durationSec });
    };
    for (const cell of cells) {
      log(`warm-up  ${cell.contender} × ${cell.payload}`);
      await load(cell, settings.warmupSec);
    }
    const total = cells.length * settings.rounds;
    let done = 0;
    for (let round = 0; round < settings.rounds; round++) {
      const offset = Math.round((round * cells.length) / settings.rounds);
      for (const cell of [...cells.slice(offset), ...cells.slice(0, offset)]) {
        const pid = servers.get(cell.contender)!.pid;
        let sample: LoadSample;
        // A run that other processes disturbed is measured once more.
        for (let attempt = 0; ; attempt++) {
          await waitForQuiet(settings.quick ? 2_000 : 20_000);
          sample = await measure(pid, () => load(cell, settings.durationSec));
          if (sample.foreignCpuPercent <= 2 * QUIET_PERCENT || attempt === 1) break;
          log(`  ${cell.contender} × ${cell.payload}: other processes took ${Math.round(sample.foreignCpuPercent)}% CPU, measuring again`);
        }
        cell.runs.push(sample);
        const notes = [
          sample.failures > 0 ? `${sample.failures} FAILED` : '',
          sample.foreignCpuPercent > QUIET_PERCENT ? `other processes took ${Math.round(sample.foreignCpuPercent)}% CPU` : '',
        ];
        log(
          `[${++done}/${total}] ${cell.contender} × ${cell.payload}: ${Math.round(sample.reqPerSec)} req/s, p99 ${sample.p99Ms.toFixed(2)} ms, server CPU ${Math.round(sample.serverCpuPercent)}%${notes
            .filter(Boolean)
            .map((n) => `, ${n}`)
            .join('')}`,
        );
        await sleep(200); // let the closed connections go
      }
    }
    const peakRssBytes = Object.fromEntries([...servers].map(([id, server]) => [id, procStats(server.pid).peakRssBytes]));
    return { cells, peakRssBytes };
  } finally {
    await Promise.all([...servers.values()].map((server) => server.stop()));
  }
}

/** Runs one load run and accounts for the CPU the server, the harness and everyone else used. */
async function measure(pid: number, run: () => Promise<LoadRun>): Promise<LoadSample> {
  const before = { server: procStats(pid).cpuMs, harness: process.cpuUsage(), machine: machineBusyMs(ticksPerSecond()) };
  const started = performance.now();
  const result = await run();
  const wallMs = performance.now() - started;
  const cpuMs = procStats(pid).cpuMs - before.server;
  const harness = process.cpuUsage(before.harness);
  const foreignMs = machineBusyMs(ticksPerSecond()) - before.machine - cpuMs - (harness.user + harness.system) / 1000;
  return {
    ...result,
    serverCpuPercent: (100 * cpuMs) / wallMs,
    cpuUsPerRequest: (1000 * cpuMs) / result.responses,
    foreignCpuPercent: Math.max(0, (100 * foreignMs) / wallMs),
  };
}
