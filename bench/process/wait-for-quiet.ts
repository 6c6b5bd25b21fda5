import { setTimeout as sleep } from 'node:timers/promises';
import { machineBusyMs } from './machine-cpu.js';
import { ticksPerSecond } from './proc-stats.js';

/** CPU other processes may take (% of one core) for the machine to count as quiet. */
export const QUIET_PERCENT = 15;

/**
 * Waits until the rest of the machine is quiet: busy below QUIET_PERCENT of one core over half a
 * second, while the harness and its idle servers do nothing. On a machine shared with other
 * work (test suites, builds), a run measured next to them says little. Gives up after
 * `maxWaitMs` and returns false: the run then goes ahead, flagged by its foreign CPU.
 */
export async function waitForQuiet(maxWaitMs: number): Promise<boolean> {
  const giveUp = performance.now() + maxWaitMs;
  for (;;) {
    const start = machineBusyMs(ticksPerSecond());
    const started = performance.now();
    await sleep(500);
    const busyPercent = (100 * (machineBusyMs(ticksPerSecond()) - start)) / (performance.now() - started);
    if (busyPercent < QUIET_PERCENT) return true;
    if (performance.now() > giveUp) return false;
  }
}
