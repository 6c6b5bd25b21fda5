import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** A `fulfiller play` started by a test: its URL (with the token) and what it printed. */
export interface Playground {
  url: string;
  base: string;
  token: string;
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts the built CLI (`npm test` builds first; the page and the playground are bundles made
 * by the build) with `play --port 0` and the given flags, and waits for the URL it prints.
 */
export async function startPlayground(args: readonly string[], env: Record<string, string> = {}, cwd = process.cwd()): Promise<Playground> {
  if (!existsSync('dist/lib/playground/page.js')) throw new Error('the playground is not built: run `npm run build` first');
  const child = spawn(process.execPath, [resolve('dist/lib/cli/main.js'), 'play', '--port', '0', ...args], {
    cwd,
    env: { ...process.env, FULFILLER_API_KEYS: '', FULFILLER_BASIC_AUTH: '', FULFILLER_HMAC_SECRETS: '', NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      const found = /open (http:\/\/\S+)/.exec(output);
      if (found !== null) resolve(found[1]!);
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`fulfiller play exited with ${code}:\n${output}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    base: parsed.origin,
    token: parsed.searchParams.get('token')!,
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A call to the playground's API with its token, the answer parsed. */
export async function api<T = unknown>(play: Playground, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${play.base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'x-play-token': play.token, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as T };
}

/** Polls until `check` holds (a reload, a status), failing with what the playground printed. */
export async function eventually<T>(play: Playground, check: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} did not happen:\n${play.output()}`);
}

/** The app module that shows every kind of answer, says back what it gets, and throws. */
export const SHOWCASE_APP = 'test/playground/fixtures/showcase-app.js';

/** A playground of the showcase app, with a fixtures folder of its own. */
export async function startShowcase(): Promise<{ play: Playground; fixtures: string }> {
  const fixtures = mkdtempSync(join(tmpdir(), 'play-fixtures-'));
  return { play: await startPlayground(['--app', SHOWCASE_APP, '--fixtures', fixtures]), fixtures };
}
