import { createServer as createHttpServer, type Server } from 'node:http';
import express from 'express';
import { hmacSignature, sign } from '../../src/index.js';
import { fakeClock, cxRequest } from '../../src/testing/index.js';
import { serveGuardedHello, testApp, type GuardedHello } from '../support/app.js';
import { close, errorCode, listen, post } from '../support/http.js';
import { checkBody, textsOf } from '../support/responses.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const OLD_SECRET = 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD';
const UNKNOWN_SECRET = 'whsec_8Kq0dFq0d2fZ0sZ6s0W6b3d8YtqGf2yq';

// The verifiers read this fixed time, not the real clock: a timestamp 301 s away stays 301 s away
// however slowly the test runs (with Date.now() a slow second brought it back inside the window).
const NOW_MS = 1_800_000_000_000;
const NOW_S = NOW_MS / 1000;
const clock = fakeClock(NOW_MS);

let sequence = 0;
/** A signed request: the body as sent, and the three Standard Webhooks headers. */
function signed(options: { secret?: string; timestamp?: number; body?: string } = {}) {
  const id = `msg_${++sequence}`;
  const timestamp = options.timestamp ?? NOW_S;
  const body = options.body ?? JSON.stringify(cxRequest('hello').build());
  const signature = sign({ secret: options.secret ?? SECRET, id, timestamp, body });
  return { body, headers: { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signature } };
}

describe('Standard Webhooks signatures over HTTP', () => {
  let served: GuardedHello;

  beforeAll(async () => {
    served = await serveGuardedHello(hmacSignature({ secrets: [SECRET, OLD_SECRET], clock }), (turn) => `signed with ${turn.caller?.id ?? '?'}`);
  });
  afterAll(() => served.close());
  beforeEach(() => served.reset());

  it('answers a genuine signed request', async () => {
    const { body, headers } = signed();
    const res = await post(served.webhook, body, headers);
    expect(textsOf(checkBody('cx', res.text) as object)).toEqual(['signed with secret-1']);
  });

  it('answers a request signed with the old secret still in the rotation list', async () => {
    const { body, headers } = signed({ secret: OLD_SECRET });
    expect(textsOf(checkBody('cx', (await post(served.webhook, body, headers)).text) as object)).toEqual(['signed with secret-2']);
  });

  it.each([
    ['300 s old', NOW_S - 300],
    ['300 s in the future', NOW_S + 300],
  ])('answers a timestamp %s, the edge of the window', async (_name, timestamp) => {
    const { body, headers } = signed({ timestamp });
    expect((await post(served.webhook, body, headers)).status).toBe(200);
  });

  it('answers when junk stands next to one valid signature', async () => {
    const { body, headers } = signed();
    const res = await post(served.webhook, body, { ...headers, 'webhook-signature': `v1,bm9wZQ== v1a,xyz ${headers['webhook-signature']} v2,abc` });
    expect(res.status).toBe(200);
    checkBody('cx', res.text);
  });

  type Forgery = (request: ReturnType<typeof signed>) => { body: string; headers: Record<string, string> };
  const cases: [string, Forgery][] = [
    ['one byte of the body changed', ({ body, headers }) => ({ body: body.replace('"hello"', '"hellp"'), headers })],
    ['the body re-serialised', ({ body, headers }) => ({ body: JSON.stringify(JSON.parse(body), null, 2), headers })],
    ['a timestamp 301 s old', () => signed({ timestamp: NOW_S - 301 })],
    ['a timestamp 301 s in the future', () => signed({ timestamp: NOW_S + 301 })],
    ['a non-numeric timestamp', ({ body, headers }) => ({ body, headers: { ...headers, 'webhook-timestamp': `${headers['webhook-timestamp']}s` } })],
    ['a truncated signature', ({ body, headers }) => ({ body, headers: { ...headers, 'webhook-signature': headers['webhook-signature'].slice(0, 20) } })],
    ['an empty signature', ({ body, headers }) => ({ body, headers: { ...headers, 'webhook-signature': '' } })],
    ['no signature headers', ({ body }) => ({ body, headers: { 'content-type': 'application/json' } })],
    ['an unknown secret', () => signed({ secret: UNKNOWN_SECRET })],
  ];
  it.each(cases)('401 for %s, handler not called', async (_name, forge) => {
    const { body, headers } = forge(signed());
    const res = await post(served.webhook, body, headers);
    expect(res.status).toBe(401);
    expect(errorCode(res)).toBe('ERR_UNAUTHENTICATED');
    expect(served.calls).toBe(0);
  });

  it('401 for a replayed webhook-id inside the window', async () => {
    const { body, headers } = signed();
    checkBody('cx', (await post(served.webhook, body, headers)).text);
    const replay = await post(served.webhook, body, headers);
    expect(replay.status).toBe(401);
    expect(served.calls).toBe(1);
  });
});

describe('Standard Webhooks signatures behind Express', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const { app } = testApp({ auth: hmacSignature({ secrets: [SECRET], clock }) });
    app.tag('hello', (turn) => void turn.say('signed'));
    const web = express();
    web.post('/raw', express.json({ verify: (req, _res, buf) => void ((req as unknown as { rawBody: Buffer }).rawBody = buf) }), app.express());
    web.post('/parsed', express.json(), app.express());
    server = createHttpServer(web);
    base = await listen(server);
  });
  afterAll(() => close(server));

  it('verifies the raw bytes a body parser kept in req.rawBody', async () => {
    const { body, headers } = signed({ body: JSON.stringify(cxRequest('hello').build(), null, 2) });
    const res = await post(`${base}/raw`, body, headers);
    expect(textsOf(checkBody('cx', res.text) as object)).toEqual(['signed']);
  });

  it('refuses (fails closed) when only the parsed body is left', async () => {
    const { body, headers } = signed();
    expect((await post(`${base}/parsed`, body, headers)).status).toBe(401);
  });
});
