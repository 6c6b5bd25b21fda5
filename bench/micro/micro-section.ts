import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Pinning } from '../process/cpu-pinning.js';

/** One stage's cost. */
export interface MicroResult {
  name: string;
  /** Mean time per operation, µs. */
  usPerOp: number;
  p50Us: number;
  p99Us: number;
  /** Relative margin of error of the mean, %. */
  rmePercent: number;
  samples: number;
}

/** Runs the micro-benchmarks in their own process, on the server's core, and collects the results. */
export function runMicroSection(timeMs: number, pinning: Pinning): Promise<MicroResult[]> {
  const script = fileURLToPath(new URL('./run-micro.ts', import.meta.url));
  // The harness runs under tsx: its loader flags let the child load TypeScript too.
  const [command, ...args] = [...pinning.serverPrefix, process.execPath, ...process.execArgv, script, String(timeMs)];
  const child = spawn(command!, args, { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production' } });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  return new Promise((resolve, reject) => {
    let results: MicroResult[] | undefined;
    child.on('message', (message) => (results = message as MicroResult[]));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (results !== undefined) resolve(results);
      else reject(new Error(`the micro-benchmarks failed (exit ${String(code)}):\n${stderr}`));
    });
  });
}
