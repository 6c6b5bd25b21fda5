import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';
import { freePort } from '../support/http.js';

/** A throwaway redis-server on a free loopback port, nothing saved to disk. */
export interface RedisServer {
  url: string;
  port: number;
  stop(): Promise<void>;
  /** Freezes the server (SIGSTOP): connections stay open, nothing is answered. */
  pause(): void;
  /** Thaws a frozen server (SIGCONT): it answers what it was sent meanwhile. */
  resume(): void;
  /** Kills the server outright (SIGKILL), as a crash would; `startRedis({ port })` brings one back on the same port. */
  kill(): Promise<void>;
}

/** True when the `redis-server` binary is installed (CI installs Debian's; see .ci/run). */
export const HAS_REDIS = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;

/**
 * `describe` when redis-server is installed; otherwise `describe.skip`, saying why once, so a
 * missing binary is visible in the output rather than silently passing.
 */
export function describeWithRedis(name: string, body: () => void): void {
  if (HAS_REDIS) {
    describe(name, body);
    return;
  }
  console.warn(`skipped "${name}": redis-server is not installed (apt-get install redis-server; .ci/run does it)`);
  describe.skip(name, body);
}

/**
 * Starts redis-server and resolves once it accepts connections. With `tls` (PEM files), it
 * listens for TLS only (the URL is then `rediss://`).
 */
export async function startRedis(tls?: { certFile: string; keyFile: string; caFile: string }, at?: number): Promise<RedisServer> {
  const port = at ?? (await freePort());
  const listen =
    tls === undefined
      ? ['--port', String(port)]
      : [
          '--port',
          '0',
          '--tls-port',
          String(port),
          '--tls-cert-file',
          tls.certFile,
          '--tls-key-file',
          tls.keyFile,
          '--tls-ca-cert-file',
          tls.caFile,
          '--tls-auth-clients',
          'no',
        ];
  const child = spawn('redis-server', [...listen, '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitForPort(port, child, () => output, tls !== undefined);
  return {
    url: `${tls === undefined ? 'redis' : 'rediss'}://127.0.0.1:${port}`,
    port,
    stop: () => stopChild(child),
    pause: () => void child.kill('SIGSTOP'),
    resume: () => void child.kill('SIGCONT'),
    kill: () => stopChild(child, 'SIGKILL'),
  };
}

async function waitForPort(port: number, child: ChildProcess, output: () => string, tls: boolean): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}: ${output()}`);
    if (tls ? output().includes('Ready to accept connections') : await ping(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server did not start: ${output()}`);
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
  });
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    if (signal === 'SIGTERM') child.kill('SIGCONT'); // a frozen server must thaw to hear SIGTERM
    child.kill(signal);
  });
}
