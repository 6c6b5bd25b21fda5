import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import express from 'express';
import { type Exchange, expressErrorHandler } from '../../src/index.js';
import { testApp } from '../support/app.js';
import { close, freePort, listen, post, waitUntilUp } from '../support/http.js';
import { cxRequest } from '../../src/testing/index.js';
import { checkBody, textsOf } from '../support/responses.js';

/**
 * Behind a body parser, the parser answers what it cannot read before the webhook runs:
 * Express's `express.json()` with its HTML error page, the Functions Framework with its own.
 * `app.expressErrorHandler()` turns Express's into the app's answers; the Functions Framework
 * has no place for one, so what it does is pinned here as docs/deployment.md describes it.
 */
describe('express.json() in front of the webhook, with app.expressErrorHandler()', () => {
  let server: Server;
  let base: string;
  const seen: Exchange[] = [];

  beforeAll(async () => {
    const { app } = testApp();
    app.tag('hello', (turn) => void turn.say('Hello'));
    app.observe((exchange) => seen.push(exchange));
    const web = express();
    web.post('/dialogflow', express.json({ limit: '4kb' }), app.express(), app.expressErrorHandler());
    web.post('/bare', express.json(), app.express()); // without it: Express's own page
    web.post(
      '/other',
      (_req: express.Request, _res: express.Response, next: express.NextFunction) => next(new Error('not a body-parser error')),
      expressErrorHandler(app),
    );
    server = createServer(web);
    base = await listen(server);
  });
  afterAll(() => close(server));

  const errorOf = (text: string): unknown => (JSON.parse(text) as { error: unknown }).error;

  it('answers malformed JSON with 400 ERR_MALFORMED_JSON in the { error } shape, counted as a refused call', async () => {
    const answer = await post(`${base}/dialogflow`, '{"queryResult": [');
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(errorOf(answer.text)).toEqual({ code: 'ERR_MALFORMED_JSON', message: expect.stringContaining('not valid JSON') });
    expect(seen.at(-1)).toMatchObject({ outcome: 'refused', status: 400, errorCode: 'ERR_MALFORMED_JSON' });
  });

  it('tells JSON that is not an object apart, as the app does when it reads the body itself', async () => {
    const answer = await post(`${base}/dialogflow`, '"just a string"');
    expect(answer.status).toBe(400);
    expect(errorOf(answer.text)).toMatchObject({ code: 'ERR_BODY_NOT_OBJECT' });
  });

  it("answers a body over the parser's limit with 413 ERR_BODY_TOO_LARGE, naming the limit", async () => {
    const answer = await post(`${base}/dialogflow`, JSON.stringify({ ...cxRequest('hello').build(), pad: 'x'.repeat(8 * 1024) }));
    expect(answer.status).toBe(413);
    expect(errorOf(answer.text)).toEqual({ code: 'ERR_BODY_TOO_LARGE', message: 'The request body is larger than 4096 bytes (option bodyLimit).' });
  });

  it('answers a charset the parser cannot read with 415 ERR_UNSUPPORTED_MEDIA_TYPE', async () => {
    const answer = await post(`${base}/dialogflow`, '{}', { 'content-type': 'application/json; charset=latin1' });
    expect(answer.status).toBe(415);
    expect(errorOf(answer.text)).toMatchObject({ code: 'ERR_UNSUPPORTED_MEDIA_TYPE' });
  });

  it('still answers good calls, and leaves other errors to Express', async () => {
    const good = await post(`${base}/dialogflow`, cxRequest('hello').build());
    expect(textsOf(checkBody('cx', good.text) as object)).toEqual(['Hello']);
    const other = await post(`${base}/other`, cxRequest('hello').build());
    expect(other.status).toBe(500);
    expect(other.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('without it, Express answers with its own HTML page (what the docs warn about)', async () => {
    const answer = await post(`${base}/bare`, '{"queryResult": [');
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
  });
});

describe('the Functions Framework in front of app.cloudFunction()', () => {
  const require = createRequire(import.meta.url);
  const frameworkMain = join(dirname(require.resolve('@google-cloud/functions-framework')), 'main.js');

  async function malformedCallTo(nodeEnv: string): Promise<{ status: number; type: string | null; text: string }> {
    const port = await freePort();
    let output = '';
    const child: ChildProcess = spawn(
      process.execPath,
      ['--import', 'tsx', frameworkMain, '--target=webhook', '--source=test/integration/fixtures/cloud-function.ts', `--port=${port}`],
      { env: { ...process.env, NODE_ENV: nodeEnv }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await waitUntilUp(`http://127.0.0.1:${port}/`, child, () => output);
      const answer = await post(`http://127.0.0.1:${port}/`, '{"queryResult": [');
      return { status: answer.status, type: answer.headers.get('content-type'), text: answer.text };
    } finally {
      child.kill('SIGTERM');
    }
  }

  it('answers malformed JSON itself, before the function runs: HTML, with the stack unless NODE_ENV=production', async () => {
    const development = await malformedCallTo('development');
    expect(development).toMatchObject({ status: 400, type: expect.stringMatching(/^text\/html/) });
    expect(development.text).toMatch(/SyntaxError.*\n?.*at /s);
    const production = await malformedCallTo('production');
    expect(production).toMatchObject({ status: 400, type: expect.stringMatching(/^text\/html/) });
    expect(production.text).not.toMatch(/SyntaxError| at /);
  }, 60_000);
});
