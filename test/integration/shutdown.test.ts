import { startCli } from '../support/cli.js';
import { errorCode, freePort, post, waitUntilUp } from '../support/http.js';
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
