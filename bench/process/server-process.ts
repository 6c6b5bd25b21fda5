import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Contender } from '../contenders.js';
import type { Pinning } from './cpu-pinning.js';
import { firstAnswer } from './post-once.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A contender's running process. */
export interface ServerProcess {
  readonly pid: number;
  readonly url: string;
  /** performance.now() just before the spawn. */
  readonly spawnedAt: number;
  /** Resolves on the first 200 to `probe` (performance.now() of that answer); rejects if the process dies first. */
  readonly ready: Promise<number>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface SpawnOptions {
  pinning: Pinning;
  port: number;
  /** The request that proves the server answers (its first payload, with its headers and path). */
  probe: { body: string; headers: Readonly<Record<string, string>>; path?: string };
  /** Extra node flags, e.g. --cpu-prof. */
  nodeFlags?: readonly string[];
  timeoutMs?: number;
}

/**
 * Spawns a contender on loopback with a clean environment (PATH and its own variables only, so
 * the caller's LOG_LEVEL or FULFILLER_* cannot leak in). Its stdout goes to /dev/null: every
 * contender pays for writing its logs, none for a reader.
 */
export function spawnServer(contender: Contender, options: SpawnOptions): ServerProcess {
  const { pinning, port, probe } = options;
  const [command, ...args] = [...pinning.serverPrefix, process.execPath, ...(options.nodeFlags ?? []), ...contender.args(port)];
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', ...contender.env, PORT: String(port) };
  const spawnedAt = performance.now();
  const child = spawn(command!, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    stderr = (stderr + text).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}/webhook`;
  const died = exited.then(() => {
    throw new Error(`${contender.id} exited before answering (code ${String(child.exitCode)}):\n${stderr}`);
  });
  const ready = Promise.race([firstAnswer(urlFor(url, probe.path), probe.body, { ...probe.headers }, options.timeoutMs ?? 20_000), died]);
  died.catch(() => {}); // reported through `ready` only
  return {
    pid: child.pid!,
    url,
    spawnedAt,
    ready,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.kill(signal);
      await exited;
      clearTimeout(force);
    },
  };
}

/** The server's URL for a payload's path (`url` is the webhook's). */
export function urlFor(url: string, path = '/webhook'): string {
  return url.replace(/\/webhook$/, path);
}
