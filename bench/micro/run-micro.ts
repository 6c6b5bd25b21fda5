/**
 * The micro-benchmark process (started by micro-section.ts, pinned like a server): runs every
 * stage with tinybench and sends the results to the parent over IPC. Its stdout is /dev/null,
 * which is where the LOG_LEVEL=info stages write their lines.
 */
import { Bench } from 'tinybench';
import { stages } from './stages.js';
import type { MicroResult } from './micro-section.js';

const timeMs = Number(process.argv[2] ?? 700);
const bench = new Bench({ time: timeMs, warmupTime: Math.min(200, timeMs), timestampProvider: 'hrtimeNow' });
for (const stage of await stages()) bench.add(stage.name, stage.fn);
await bench.run();

const results: MicroResult[] = bench.tasks.map((task) => {
  const result = task.result;
  if (result.state !== 'completed') throw new Error(`${task.name}: ${result.state === 'errored' ? result.error.message : result.state}`);
  return {
    name: task.name,
    usPerOp: result.period * 1000,
    p50Us: result.latency.p50 * 1000,
    p99Us: result.latency.p99 * 1000,
    rmePercent: result.latency.rme,
    samples: result.latency.samplesCount,
  };
});
process.send!(results, () => process.disconnect());
