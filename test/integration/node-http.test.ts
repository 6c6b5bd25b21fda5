import { request as httpRequest, type Server } from 'node:http';
import { createServer, type Fulfiller } from '../../src/index.js';
import { fakeClock, cxRequest, esRequest } from '../../src/testing/index.js';
import { testApp } from '../support/app.js';
import { close, errorCode, listen, post } from '../support/http.js';
import { checkBody, textsOf } from '../support/responses.js';
import { gate, track, type Gate } from '../support/timing.js';

describe('node:http adapter: the error table over real HTTP', () => {
  let app: Fulfiller;
  let server: Server;
  let base: string;
  let calls = 0;

  const clock = fakeClock(0); // the turns' deadline runs on it; HTTP on real time
  let slowArrived: Gate<void>;

  beforeAll(async () => {
    app = testApp({ clock, deadlineMs: 100, bodyLimit: 64 * 1024 }).app;
    app.use(async (_turn, next) => {
      calls++;
      await next();
    });
    app.tag('hello', (turn) => void turn.say(`Hello from ${turn.platform}`)).intent('hello', (turn) => void turn.say(`Hello from ${turn.platform}`));
    app.tag('fails', () => Promise.reject(new Error('backend down')));
    app.tag('slow', () => {
      slowArrived.open();
      return new Promise<void>(() => {}); // a backend that never answers
    });
    server = createServer(app);
    base = await listen(server);
  });
  afterAll(() => close(server));
  beforeEach(() => {
    calls = 0;
    slowArrived = gate();
  });

  it('200 and a valid CX response for a valid CX request', async () => {
    const res = await post(`${base}/webhook`, cxRequest('hello').build());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('x-request-id')).toBeTruthy();
    expect(textsOf(checkBody('cx', res.text) as object)).toEqual(['Hello from cx']);
  });

  it('200 and a valid ES response for a valid ES request', async () => {
    const res = await post(`${base}/webhook`, esRequest('hello').build());
    expect(res.status).toBe(200);
    expect(textsOf(checkBody('es', res.text) as object)).toEqual(['Hello from es']);
  });

  it('200 and the fallback for an unknown tag', async () => {
    const res = await post(`${base}/webhook`, cxRequest('nobody.home').language('ja').build());
    expect(textsOf(checkBody('cx', res.text) as object)).toEqual(['申し訳ありません。そのご用件にはまだお応えできません。別の言い方でお試しください。']);
  });

  it('200 and the apology when the backend fails', async () => {
    const res = await post(`${base}/webhook`, cxRequest('fails').build());
    expect(res.status).toBe(200);
    expect(textsOf(checkBody('cx', res.text) as object)).toEqual(['Sorry, the system is currently unavailable. Please try again later.']);
    expect(res.text).not.toContain('backend down');
  });

  it('200 before the deadline with the timeout message for a hanging handler', async () => {
    const pending = post(`${base}/webhook`, cxRequest('slow').build());
    const answer = track(pending, clock);
    await slowArrived.work;
    const arrived = clock.now();
    await clock.advance(99);
    expect(answer).toEqual({}); // the handler still waits, and so does the caller
    await clock.advance(1);
    const res = await pending;
    expect(answer.at).toBe(arrived + 100); // answered when the deadline passed; the handler never finishes
    expect(textsOf(checkBody('cx', res.text) as object)).toEqual(['This is taking longer than usual. Please ask me again in a moment.']);
  });

  it.each([
    ['malformed JSON', '{"queryResult":', 'ERR_MALFORMED_JSON'],
    ['a JSON array', '[]', 'ERR_BODY_NOT_OBJECT'],
    ['a wrong field type', JSON.stringify({ ...cxRequest('hello').build(), languageCode: 42 }), 'ERR_INVALID_REQUEST'],
  ])('400 for %s, handler not called', async (_name, body, code) => {
    const res = await post(`${base}/webhook`, body);
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe(code);
    expect(calls).toBe(0);
  });

  it('415 for a content type other than JSON', async () => {
    const res = await post(`${base}/webhook`, 'a=1', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
    expect(errorCode(res)).toBe('ERR_UNSUPPORTED_MEDIA_TYPE');
    const ok = await post(`${base}/webhook`, cxRequest('hello').build(), { 'content-type': 'application/json; charset=UTF-8' });
    expect(ok.status).toBe(200);
  });

  it('415 for a request without a Content-Type, handler not called (field report 7)', async () => {
    const res = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = httpRequest(`${base}/webhook`, { method: 'POST' }, (answer) => {
        let text = '';
        answer.on('data', (chunk: Buffer) => (text += chunk.toString()));
        answer.on('end', () => resolve({ status: answer.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      req.end(JSON.stringify(cxRequest('hello')));
    });
    expect(res.status).toBe(415);
    expect(JSON.parse(res.text)).toEqual({
      error: { code: 'ERR_UNSUPPORTED_MEDIA_TYPE', message: 'The request has no Content-Type: send application/json.' },
    });
    expect(calls).toBe(0);
  });

  it('413 for a body over the limit, declared or streamed', async () => {
    const big = JSON.stringify({ ...cxRequest('hello').build(), pad: 'x'.repeat(70 * 1024) });
    const declared = await post(`${base}/webhook`, big);
    expect(declared.status).toBe(413);
    expect(errorCode(declared)).toBe('ERR_BODY_TOO_LARGE');
    const streamed = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${base}/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      for (let i = 0; i < 80; i++) req.write('x'.repeat(1024));
      req.end();
    });
    expect(streamed).toBe(413);
    expect(calls).toBe(0);
  });

  it('405 with Allow: POST for other methods on /webhook', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const res = await fetch(`${base}/webhook`, { method });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('POST');
    }
  });

  it('serves /healthz and /readyz, 404 elsewhere', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${base}/readyz`)).json()).toEqual({ status: 'ok' });
    const missing = await fetch(`${base}/nope`);
    expect(missing.status).toBe(404);
    expect((await fetch(`${base}/healthz`, { method: 'POST' })).status).toBe(405);
  });

  it('never puts a stack trace or a source path in any body', async () => {
    const bodies = await Promise.all([
      post(`${base}/webhook`, '{bad'),
      post(`${base}/webhook`, cxRequest('fails').build()),
      post(`${base}/webhook`, 'x', { 'content-type': 'text/plain' }),
    ]);
    for (const res of bodies) expect(res.text).not.toMatch(/\bat \w|\.ts:\d|\.js:\d|node_modules|Error:/);
  });
});

describe('node:http adapter: readiness', () => {
  it('turns /readyz to 503 after close()', async () => {
    const { app } = testApp();
    const server = createServer(app);
    const base = await listen(server);
    try {
      app.close();
      const res = await fetch(`${base}/readyz`);
      expect(res.status).toBe(503);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    } finally {
      await close(server);
    }
  });
});
