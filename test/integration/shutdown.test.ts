import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { errorCode, freePort, post, waitUntilUp } from '../support/http.js';
import { cxRequest } from '../support/requests.js';
import { checkBody, textsOf } from '../support/responses.js';

describe('SIGTERM with a turn in flight (fulfiller serve)', () => {
  it('readiness 503, new turns refused, the turn in flight answered, resources closed, exit 0 well inside 10 s', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    let output = '';
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--app', 'test/integration/fixtures/shutdown-app.ts', '--port', String(port), '--host', '127.0.0.1'],
      {
        env: { ...process.env, LOG_LEVEL: 'info', NODE_ENV: 'production' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await waitUntilUp(`${base}/healthz`, child, () => output);
      expect((await fetch(`${base}/readyz`)).status).toBe(200);

      const inFlight = post(`${base}/webhook`, cxRequest('slow'));
      await sleep(300);
      const signalled = performance.now();
      child.kill('SIGTERM');
      await sleep(100);

      expect((await fetch(`${base}/readyz`)).status).toBe(503);
      const refused = await post(`${base}/webhook`, cxRequest('hello'));
      expect(refused.status).toBe(503);
      expect(errorCode(refused)).toBe('ERR_SHUTTING_DOWN');

      const answered = await inFlight;
      expect(answered.status).toBe(200);
      expect(textsOf(checkBody('cx', answered.text) as object)).toEqual(['Finished despite the shutdown.']);

      expect(await exited).toBe(0);
      expect(performance.now() - signalled).toBeLessThan(5000);
      const messages = output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => (JSON.parse(line) as { message: string }).message);
      expect(messages).toEqual(expect.arrayContaining(['shutting down: finishing the turns in flight', 'close hook ran', 'shut down']));
      expect(messages.indexOf('close hook ran')).toBeGreaterThan(messages.indexOf('turn answered'));
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 30_000);
});
