import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** What the kernel knows about a process: memory high-water mark, current RSS, CPU time. */
export interface ProcStats {
  /** VmHWM: the peak resident set size so far, bytes. */
  peakRssBytes: number;
  rssBytes: number;
  /** User plus system CPU time so far, ms. */
  cpuMs: number;
}

let ticks: number | undefined;

/** The kernel's clock ticks per second (USER_HZ), the unit of /proc CPU times. */
export function ticksPerSecond(): number {
  ticks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return ticks;
}

/** Reads /proc/<pid>/status and /proc/<pid>/stat (Linux). */
export function procStats(pid: number): ProcStats {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const used = Number(fields[11]) + Number(fields[12]); // utime and stime, fields 14 and 15
  return { peakRssBytes: kib('VmHWM'), rssBytes: kib('VmRSS'), cpuMs: (used * 1000) / ticksPerSecond() };
}
