import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Contender } from '../contenders.js';
import { runLoad } from '../load/run-load.js';
import type { Payload } from '../payloads.js';
import type { Pinning } from '../process/cpu-pinning.js';
import { freePort } from '../process/free-port.js';
import { spawnServer, urlFor } from '../process/server-process.js';
import type { BenchSettings } from '../settings.js';
import { topFunctions, type CpuProfile, type FunctionTime, type ProfileSummary } from './top-functions.js';

const nowUs = () => Number(process.hrtime.bigint() / 1000n);

/**
 * `--profile ID`: runs one contender under `node --cpu-prof` with the benchmark's load and
 * prints where its CPU time goes during the measured window (start-up and warm-up left out).
 * `--profile-cold ID`: the same from spawn to the first answer, sampled every 100 µs.
 */
export async function profileContender(contender: Contender, payload: Payload, settings: BenchSettings, pinning: Pinning, cold: boolean): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'fulfiller-profile-'));
  const nodeFlags = ['--cpu-prof', `--cpu-prof-dir=${dir}`, ...(cold ? ['--cpu-prof-interval=100'] : [])];
  const server = spawnServer(contender, {
    pinning,
    port: await freePort(),
    nodeFlags,
    probe: { body: payload.body, headers: contender.headers, path: payload.path },
  });
  let fromUs = -Infinity;
  let toUs = Infinity;
  let summary = '';
  try {
    await server.ready;
    if (!cold) {
      const options = { url: urlFor(server.url, payload.path), body: payload.body, headers: contender.headers, connections: settings.connections };
      await runLoad({ ...options, durationSec: settings.warmupSec });
      fromUs = nowUs();
      const run = await runLoad({ ...options, durationSec: Math.max(settings.durationSec, 10) });
      toUs = nowUs();
      summary = `${Math.round(run.reqPerSec)} req/s under the profiler (which slows the server down)`;
    }
  } finally {
    await server.stop();
  }
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (file === undefined) throw new Error(`${contender.id} wrote no profile in ${dir}`);
  const path = join(dir, file);
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const what = cold ? 'from spawn to the first answer' : `under load (${payload.name}), ${summary}`;
  return `${contender.label}, ${what}\n${report(topFunctions(profile, 30, fromUs, toUs))}\nprofile: ${path} (open in Chrome DevTools)`;
}

function report(summary: ProfileSummary): string {
  const list = (title: string, items: FunctionTime[]) =>
    [title, ...items.map((f) => `${f.percent.toFixed(1).padStart(5)}%  ${f.ms.toFixed(0).padStart(6)} ms  ${f.name}`)].join('\n');
  return [
    `busy ${summary.busyMs.toFixed(0)} ms, idle ${summary.idleMs.toFixed(0)} ms`,
    list('self time (share of busy time)', summary.self),
    list('inclusive time', summary.inclusive),
  ].join('\n\n');
}
