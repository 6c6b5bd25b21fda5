import { cxRequest, esRequest } from '../../src/testing/index.js';
import { startCli, stopCli } from '../support/cli.js';
import { freePort, post, waitUntilUp } from '../support/http.js';
import { checkBody, textsOf } from '../support/responses.js';

describe('fulfiller serve', () => {
  it('serves an app module on --port, with the deadline from the environment', async () => {
    const port = await freePort();
    const cli = startCli(['serve', '--app', 'test/cli/fixtures/app.ts', '--port', String(port)], { LOG_LEVEL: 'info', FULFILLER_DEADLINE_MS: '1234' });
    try {
      await waitUntilUp(`http://127.0.0.1:${port}/healthz`, cli.child, cli.output);
      const cx = await post(`http://127.0.0.1:${port}/webhook`, cxRequest('hello').build());
      expect(textsOf(checkBody('cx', cx.text) as object)).toEqual(['Hello from cx, deadline 1234 ms']);
      const es = await post(`http://127.0.0.1:${port}/webhook`, esRequest('hello').build());
      expect(textsOf(checkBody('es', es.text) as object)).toEqual(['Hello from es']);
      expect(
        cli.output().match(/"message":"listen: serving the webhook in test mode, 2 routes, without authentication, on http:\/\/localhost:\d+\/webhook"/g),
      ).toHaveLength(1);
    } finally {
      expect(await stopCli(cli)).toBe(0);
    }
  }, 30_000);

  it('takes the port from PORT', async () => {
    const port = await freePort();
    const cli = startCli(['serve', '--app', 'test/cli/fixtures/app.ts'], { LOG_LEVEL: 'info', PORT: String(port) });
    try {
      await waitUntilUp(`http://127.0.0.1:${port}/healthz`, cli.child, cli.output);
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    } finally {
      await stopCli(cli);
    }
  }, 30_000);
});
