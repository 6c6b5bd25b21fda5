/**
 * `npm run test:stress`: the whole suite (`npm test`, lint and build included) three times in a
 * row while a CPU hog per core keeps the machine busy, to show that no test depends on the
 * machine being quiet. Prints each run's wall time; exit 0 only when every run passed. The hogs
 * and the suite in progress are stopped on the way out, whatever ends the script.
 *
 *   npm run test:stress                 three runs, one hog per core
 *   npm run test:stress -- --runs 1 --hogs 4
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { startCpuHogs } from './stress/cpu-hogs.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, hogs: { type: 'string' } } });
const runs = whole(values.runs!, '--runs');
const hogCount = values.hogs === undefined ? availableParallelism() : whole(values.hogs, '--hogs');

let suite: ChildProcess | undefined;
const hogs = startCpuHogs(hogCount);
const stopAll = (): void => {
  hogs.stop();
  // The suite runs in its own process group (npm, jest and its workers): stop all of it.
  if (suite?.pid !== undefined && suite.exitCode === null) {
    try {
      process.kill(-suite.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
};
process.on('exit', stopAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    console.error(`\ntest:stress: ${signal}, stopping the suite and the hogs`);
    stopAll();
    process.exit(130);
  });
}

console.log(`test:stress: ${runs} run(s) of npm test beside ${hogCount} CPU hog(s) (pids ${hogs.pids.join(', ')})`);
const results: { run: number; passed: boolean; seconds: number }[] = [];
for (let run = 1; run <= runs; run++) {
  const started = performance.now();
  const code = await runSuite();
  const seconds = (performance.now() - started) / 1000;
  results.push({ run, passed: code === 0, seconds });
  console.log(`test:stress: run ${run} ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${seconds.toFixed(1)} s`);
}
stopAll();

console.log(`\ntest:stress: ${hogCount} CPU hog(s), wall time per run`);
for (const { run, passed, seconds } of results) console.log(`  run ${run}: ${passed ? 'passed' : 'FAILED'}  ${seconds.toFixed(1)} s`);
const failed = results.filter((r) => !r.passed).length;
console.log(failed === 0 ? `all ${runs} green` : `${failed} of ${runs} failed`);
process.exitCode = failed === 0 ? 0 : 1;

/** One `npm test`, its output shown as it comes; resolves with its exit code. */
function runSuite(): Promise<number> {
  return new Promise((resolve) => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    suite = spawn(npm, ['test'], { stdio: 'inherit', detached: true });
    suite.once('error', (error) => {
      console.error(`test:stress: cannot start npm test: ${error.message}`);
      resolve(1);
    });
    suite.once('exit', (code, signal) => resolve(code ?? (signal === null ? 1 : 128)));
  });
}

function whole(raw: string, name: string): number {
  if (!/^[1-9]\d*$/.test(raw)) {
    console.error(`test:stress: ${name} must be a whole number from 1, not "${raw}"`);
    process.exit(2);
  }
  return Number(raw);
}
