import { createServer, type Server } from 'node:http';
import express from 'express';
import type { Fulfiller } from '../../src/index.js';
import { cxRequest, esRequest } from '../../src/testing/index.js';
import { testApp } from '../support/app.js';
import { close, errorCode, listen, post } from '../support/http.js';
import { checkBody, textsOf } from '../support/responses.js';

function demoApp(): Fulfiller {
  const { app } = testApp();
  app.tag('hello', (turn) => void turn.say(`Hello ${String(turn.locals.user ?? 'there')}`));
  app.intent('hello', (turn) => void turn.say('Hello from ES'));
  return app;
}

describe("Express adapter inside a user's Express 5 app", () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const app = demoApp();
    const web = express();
    web.get('/', (_req, res) => void res.send('home page'));
    web.post('/dialogflow', app.express()); // raw stream: no body parser before it
    // A user who already parses JSON globally for other routes:
    web.post('/parsed', express.json({ limit: '2mb' }), app.express());
    // A user who keeps the raw bytes, as signature checks need:
    web.post('/raw', express.json({ verify: (req, _res, buf) => void ((req as unknown as { rawBody: Buffer }).rawBody = buf) }), app.express());
    web.all('/dialogflow', app.express());
    server = createServer(web);
    base = await listen(server);
  });
  afterAll(() => close(server));

  it.each(['/dialogflow', '/parsed', '/raw'])('answers CX and ES on %s', async (path) => {
    const cx = await post(`${base}${path}`, cxRequest('hello').build());
    expect(cx.status).toBe(200);
    expect(textsOf(checkBody('cx', cx.text) as object)).toEqual(['Hello there']);
    const es = await post(`${base}${path}`, esRequest('hello').build());
    expect(textsOf(checkBody('es', es.text) as object)).toEqual(['Hello from ES']);
  });

  it('leaves the rest of the Express app alone', async () => {
    const res = await fetch(`${base}/`);
    expect(await res.text()).toBe('home page');
  });

  it('applies the error table where it is mounted', async () => {
    expect((await post(`${base}/dialogflow`, '[1]')).status).toBe(400);
    expect(errorCode(await post(`${base}/dialogflow`, 'x=1', { 'content-type': 'application/x-www-form-urlencoded' }))).toBe('ERR_UNSUPPORTED_MEDIA_TYPE');
    const get = await fetch(`${base}/dialogflow`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const big = await post(`${base}/dialogflow`, JSON.stringify({ ...cxRequest('hello').build(), pad: 'x'.repeat(1100 * 1024) }));
    expect(big.status).toBe(413);
  });
});
