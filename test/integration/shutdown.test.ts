import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { startCli } from '../support/cli.js';
import { errorCode, freePort, post, waitUntilUp, type Exchange } from '../support/http.js';
import { checkBody, textsOf } from '../support/responses.js';
import { eventually } from '../support/timing.js';
import { cxRequest } from '../../src/testing/index.js';

describe('SIGTERM with a turn in flight (fulfiller serve)', () => {
  it('readiness 503, new turns refused, the turn in flight answered, resources closed, exit 0 before the forced exit', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const cli = startCli(['serve', '--app', 'test/integration/fixtures/shutdown-app.ts', '--port', String(port), '--host', '127.0.0.1'], {
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
    });
    const { child, output, exited } = cli;
    try {
      await waitUntilUp(`${base}/healthz`, child, output);
      expect((await fetch(`${base}/readyz`)).status).toBe(200);

      const messages = (): string[] =>
        output()
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => (JSON.parse(line) as { message: string }).message);
      const logged = (message: string) => () => (messages().includes(message) ? true : undefined);

      const inFlight = post(`${base}/webhook`, cxRequest('slow').build());
      await eventually('the slow turn has started', logged('slow turn started'));
      child.kill('SIGTERM');
      await eventually('the server is shutting down', logged('shutting down: finishing the turns in flight'));

      expect((await fetch(`${base}/readyz`)).status).toBe(503);
      const refused = await post(`${base}/webhook`, cxRequest('hello').build());
      expect(refused.status).toBe(503);
      expect(errorCode(refused)).toBe('ERR_SHUTTING_DOWN');

      child.kill('SIGUSR2'); // the turn in flight may finish now
      const answered = await inFlight;
      expect(answered.status).toBe(200);
      expect(textsOf(checkBody('cx', answered.text) as object)).toEqual(['Finished despite the shutdown.']);

      // Exit 0 is a clean shutdown before the forced exit (grace + 1 s, exit 1): inside Cloud Run's 10 s.
      expect(await exited).toBe(0);
      expect(messages()).toEqual(expect.arrayContaining(['shutting down: finishing the turns in flight', 'close hook ran', 'shut down']));
      expect(messages()).not.toContain('turns still running at the end of the grace period');
      expect(messages()).not.toContain('shutdown took too long: exiting anyway');
      expect(messages().indexOf('close hook ran')).toBeGreaterThan(messages().indexOf('turn answered'));
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 60_000);
});

/** `fulfiller serve` of an app module in a child process, with a way to wait for its log lines. */
interface Served {
  base: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  messages: () => string[];
  waitFor: (message: string) => Promise<void>;
}

async function serveChild(app: string): Promise<Served> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--app', app, '--port', String(port), '--host', '127.0.0.1'], {
    // The longest deadline: a held turn ends when the test releases it, however slow the machine.
    env: { ...process.env, LOG_LEVEL: 'info', NODE_ENV: 'production', FULFILLER_DEADLINE_MS: '30000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const messages = (): string[] =>
    output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => (JSON.parse(line) as { message: string }).message);
  const waitFor = async (message: string): Promise<void> => {
    while (!messages().includes(message)) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before logging "${message}": ${output}`);
      await sleep(20);
    }
  };
  await waitUntilUp(`${base}/healthz`, child, () => output);
  return { base, child, exited, messages, waitFor };
}

/** Runs `test` against a served held-turn app, and makes sure the process is gone afterwards. */
async function withHeldTurnApp(test: (served: Served) => Promise<void>): Promise<void> {
  const served = await serveChild('test/integration/fixtures/held-turn-app.ts');
  try {
    await test(served);
  } finally {
    if (served.child.exitCode === null) served.child.kill('SIGKILL');
  }
}

/** Starts the held turn, then sends SIGTERM and `second`, each once the server has logged the one before. */
async function signalTwiceDuringATurn(served: Served, second: NodeJS.Signals): Promise<{ held: Promise<Exchange> }> {
  const held = post(`${served.base}/webhook`, cxRequest('held').build());
  held.catch(() => {}); // awaited by the caller
  await served.waitFor('held turn started');
  served.child.kill('SIGTERM');
  await served.waitFor('shutting down: finishing the turns in flight');
  served.child.kill(second);
  await served.waitFor('already shutting down: still finishing the turns in flight; a third signal stops at once');
  return { held };
}

describe('signals during the drain (fulfiller serve, field report 3)', () => {
  const RELEASE = { 'content-type': 'application/json', 'x-release': '1' };

  it('a second SIGTERM keeps draining: the turn in flight is answered and the process exits 0', async () => {
    await withHeldTurnApp(async (served) => {
      const { held } = await signalTwiceDuringATurn(served, 'SIGTERM');
      const refused = await post(`${served.base}/webhook`, cxRequest('hello').build(), RELEASE);
      expect(errorCode(refused)).toBe('ERR_SHUTTING_DOWN');
      const answered = await held;
      expect(textsOf(checkBody('cx', answered.text) as object)).toEqual(['Finished after the signals.']);
      expect(await served.exited).toBe(0);
      expect(served.messages()).toContain('shut down');
    });
  }, 30_000);

  it('a third signal stops at once, exit 1, saying the turns in flight are lost', async () => {
    await withHeldTurnApp(async (served) => {
      const held = (await signalTwiceDuringATurn(served, 'SIGINT')).held.catch((error: unknown) => error);
      served.child.kill('SIGTERM');
      expect(await served.exited).toBe(1);
      expect(served.messages()).toContain('stopping at once: the turns still in flight are lost');
      expect(String(await held)).toMatch(/fetch failed/); // the connection went with the process
    });
  }, 30_000);

  it('a request whose body is still arriving when SIGTERM comes is answered 503 ERR_SHUTTING_DOWN', async () => {
    await withHeldTurnApp(async (served) => {
      const { port } = new URL(served.base);
      const socket = connect(Number(port), '127.0.0.1');
      let received = '';
      socket.on('data', (data) => (received += data.toString()));
      const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      const body = JSON.stringify(cxRequest('hello').build());
      // Expect: 100-continue makes the server say when the request has reached the app: no guessing with a timer.
      socket.write(
        `POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\n\r\n`,
      );
      while (!received.includes('100 Continue')) await sleep(10);
      socket.write(body.slice(0, 20));
      served.child.kill('SIGTERM');
      await served.waitFor('shutting down: finishing the turns in flight');
      socket.end(body.slice(20));
      await closed;
      const answer = received.slice(received.indexOf('\r\n\r\n') + 4);
      expect(answer).toMatch(/^HTTP\/1\.1 503 /);
      expect(answer).toContain('"code":"ERR_SHUTTING_DOWN"');
      expect(await served.exited).toBe(0);
    });
  }, 30_000);
});
