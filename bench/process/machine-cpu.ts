import { readFileSync } from 'node:fs';

/**
 * CPU time the whole machine has spent busy so far (all cores, ms), from /proc/stat. Over a run,
 * this minus what the server and the harness used is what other processes took: on a shared
 * machine, the sign that a run was disturbed.
 */
export function machineBusyMs(ticksPerSecond: number): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
  // cpu  user nice system idle iowait irq softirq steal guest guest_nice
  const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  return ((user! + nice! + system! + irq! + softirq! + steal!) * 1000) / ticksPerSecond;
}
