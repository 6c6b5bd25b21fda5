import { setTimeout as sleep } from 'node:timers/promises';
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../../bench/process/free-port.js';

/** A child process of the load tests, and how to stop it. */
export interface Child {
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts the fake backend; resolves with its URL once it listens. */
export async function startBackend(env: Record<string, string> = {}): Promise<Child & { url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/load/fake-backend.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the fake backend exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /listening (\d+)/.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    });
  });
  return { process: child, url: `http://127.0.0.1:${port}`, stop: () => stop(child) };
}

/** Starts `fulfiller serve` on the load app; resolves with the webhook URL once it answers. */
export async function startServer(env: Record<string, string>): Promise<Child & { url: string }> {
  const port = await freePort();
  const args = ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--app', 'scripts/load/load-app.ts', '--port', String(port), '--host', '127.0.0.1'];
  // Logs go to /dev/null, written as in production (LOG_LEVEL info): their cost is part of the figures.
  const child = spawn(process.execPath, args, {
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`fulfiller serve exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/readyz`)).ok) break;
    } catch {
      if (i > 300) throw new Error('fulfiller serve did not start');
    }
    await sleep(100);
  }
  return { process: child, url: `${base}/webhook`, stop: () => stop(child) };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** A CX WebhookRequest for a tag, as Dialogflow sends it. */
export function cxBody(tag: string, session = 'load'): string {
  return JSON.stringify({
    detectIntentResponseId: 'load-test',
    languageCode: 'en',
    fulfillmentInfo: { tag },
    sessionInfo: { session: `projects/p/locations/global/agents/a/sessions/${session}`, parameters: { customer_id: '12345' } },
    text: 'where is my order',
  });
}
