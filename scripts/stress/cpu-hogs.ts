/**
 * Busy processes, one per core, for `npm run test:stress`: they keep every core at work while
 * the suite runs, as another job on a shared CI machine would. Each is stopped by its PID; each
 * also ends by itself when its parent has gone (an interrupted script leaves none behind).
 */
import { spawn, type ChildProcess } from 'node:child_process';

// Spins, and looks up its parent every few million turns: once re-parented, it exits.
const HOG = `const parent = process.ppid; for (let i = 1; ; i++) if ((i & 0x3fffff) === 0 && process.ppid !== parent) process.exit(0);`;

export interface CpuHogs {
  readonly pids: readonly number[];
  /** Kills every hog still running (SIGKILL, by PID); safe to call more than once. */
  stop(): void;
}

export function startCpuHogs(count: number): CpuHogs {
  const children: ChildProcess[] = Array.from({ length: count }, () => spawn(process.execPath, ['-e', HOG], { stdio: 'ignore' }));
  return {
    pids: children.map((child) => child.pid!),
    stop() {
      for (const child of children) {
        if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) continue;
        try {
          process.kill(child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    },
  };
}
