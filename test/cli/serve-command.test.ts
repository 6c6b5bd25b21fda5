import { spawn, type ChildProcess } from 'node:child_process';
import { freePort, post, waitUntilUp } from '../support/http.js';
import { cxRequest, esRequest } from '../support/requests.js';
import { checkBody, textsOf } from '../support/responses.js';

function start(args: string[], env: Record<string, string> = {}): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

describe('fulfiller serve', () => {
  it('serves an app module on --port, with the deadline from the environment', async () => {
    const port = await freePort();
    const { child, output } = start(['serve', '--app', 'test/cli/fixtures/app.ts', '--port', String(port)], { FULFILLER_DEADLINE_MS: '1234' });
    try {
      await waitUntilUp(`http://127.0.0.1:${port}/healthz`, child, output);
      const cx = await post(`http://127.0.0.1:${port}/webhook`, cxRequest('hello'));
      expect(textsOf(checkBody('cx', cx.text) as object)).toEqual(['Hello from cx, deadline 1234 ms']);
      const es = await post(`http://127.0.0.1:${port}/webhook`, esRequest('hello'));
      expect(textsOf(checkBody('es', es.text) as object)).toEqual(['Hello from es']);
      expect(output()).toContain('"message":"serving test/cli/fixtures/app.ts');
    } finally {
      child.kill('SIGTERM');
      expect(await exited(child)).toBe(0);
    }
  }, 30_000);

  it('takes the port from PORT', async () => {
    const port = await freePort();
    const { child, output } = start(['serve', '--app', 'test/cli/fixtures/app.ts'], { PORT: String(port) });
    try {
      await waitUntilUp(`http://127.0.0.1:${port}/healthz`, child, output);
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await exited(child);
    }
  }, 30_000);

  it.each([
    [['serve'], /--app FILE is required/],
    [['serve', '--app', 'test/cli/fixtures/missing.ts'], /Cannot load the app module/],
    [['serve', '--app', 'test/cli/fixtures/not-an-app.ts'], /must export by default a function/],
    [['serve', '--app', 'test/cli/fixtures/app.ts', '--port', 'eighty'], /--port \/ PORT must be a whole number/],
    [['frobnicate'], /unknown command/],
  ])(
    'fails clearly for %j',
    async (args, message) => {
      const { child, output } = start(args);
      const code = await exited(child);
      expect(code).toBe(2);
      expect(output()).toMatch(message);
    },
    30_000,
  );
});
