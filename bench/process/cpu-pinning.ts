import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

/** How the server and the load generator share the machine. */
export interface Pinning {
  /** What a server's command line starts with (empty when nothing is pinned). */
  readonly serverPrefix: readonly string[];
  readonly description: string;
}

/**
 * On a small machine the load generator and the server compete for the same cores, and the
 * scheduler decides who wins. Pinning makes it the same fight for every contender: the server
 * gets the last core to itself (like a 1-vCPU Cloud Run instance), this process (the harness
 * and autocannon, which is single-threaded JavaScript too) the others.
 */
export function pinCores(): Pinning {
  const cores = availableParallelism();
  if (cores < 2) return { serverPrefix: [], description: `not pinned: ${cores} core` };
  const server = cores - 1;
  try {
    execFileSync('taskset', ['-a', '-cp', server === 1 ? '0' : `0-${server - 1}`, String(process.pid)], { stdio: 'ignore' });
  } catch {
    return { serverPrefix: [], description: `not pinned: taskset (util-linux) is missing; ${cores} cores shared` };
  }
  const harness = server === 1 ? 'CPU 0' : `CPUs 0-${server - 1}`;
  return { serverPrefix: ['taskset', '-c', String(server)], description: `server pinned to CPU ${server}; load generator and harness on ${harness}` };
}
