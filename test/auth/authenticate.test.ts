import { apiKey, hmacSignature, sign, type Exchange, type Turn, type Verifier } from '../../src/index.js';
import { cxRequest, esRequest } from '../../src/testing/index.js';
import { testApp } from '../support/app.js';
import { JSON_HEADERS } from '../support/requests.js';
import { textsOf, validResponse } from '../support/responses.js';

const KEY = 'k-4b1d9e7a2c6f0e8d3a5b';
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const UNAUTHENTICATED = '{"error":{"code":"ERR_UNAUTHENTICATED","message":"Authentication required."}}';

function guardedApp(auth: Verifier) {
  const { app, logger } = testApp({ auth });
  const seen: Exchange[] = [];
  let calls = 0;
  const handler = (turn: Turn): void => {
    calls++;
    turn.say(`hello ${turn.caller?.scheme ?? 'nobody'} ${turn.caller?.id ?? ''}`);
  };
  app
    .tag('hello', handler)
    .intent('hello', handler)
    .observe((exchange) => void seen.push(exchange));
  return { app, logger, seen, calls: () => calls };
}

describe('authentication in the pipeline', () => {
  it('lets a genuine call through and shows the caller to handlers', async () => {
    const { app } = guardedApp(apiKey({ keys: [KEY] }));
    const cx = validResponse('cx', await app.handle(JSON.stringify(cxRequest('hello').build()), { ...JSON_HEADERS, 'x-api-key': KEY }));
    expect(textsOf(cx)).toEqual(['hello api-key key-1']);
    const es = validResponse('es', await app.handle(JSON.stringify(esRequest('hello').build()), { 'x-api-key': KEY }));
    expect(textsOf(es)).toEqual(['hello api-key key-1']);
  });

  it('answers 401 with a fixed body, runs no handler, tells observers and logs the reason without the credential', async () => {
    const { app, logger, seen, calls } = guardedApp(apiKey({ keys: [KEY] }));
    const wrong = `${KEY.slice(0, -3)}xyz`;
    const result = await app.handle(JSON.stringify(cxRequest('hello').build()), { 'x-api-key': wrong, 'x-request-id': 'req-401' });
    expect(result).toMatchObject({ status: 401, body: UNAUTHENTICATED });
    expect(result.headers['x-request-id']).toBe('req-401');
    expect(calls()).toBe(0);
    expect(seen).toEqual([expect.objectContaining({ status: 401, outcome: 'refused', errorCode: 'ERR_UNAUTHENTICATED', request: undefined })]);
    const warning = logger.records.find((r) => r.level === 'warn');
    expect(warning).toMatchObject({
      message: 'authentication refused',
      fields: { requestId: 'req-401', status: 401, reason: expect.stringContaining('no accepted key') },
    });
    expect(JSON.stringify(logger.records)).not.toContain(wrong);
    expect(JSON.stringify(logger.records)).not.toContain(KEY);
  });

  it('answers 403, as opaquely, when the verifier knows the caller but does not allow it', async () => {
    const { app, calls } = guardedApp(() => ({ ok: false, status: 403, reason: 'not ours' }));
    const result = await app.handle(JSON.stringify(cxRequest('hello').build()));
    expect(result).toMatchObject({ status: 403, body: '{"error":{"code":"ERR_FORBIDDEN","message":"Forbidden."}}' });
    expect(calls()).toBe(0);
  });

  it('checks credentials before parsing: a bad body without credentials is a 401, not a 400', async () => {
    const { app } = guardedApp(apiKey({ keys: [KEY] }));
    expect((await app.handle('{"not json', JSON_HEADERS)).status).toBe(401);
    expect((await app.handle('{"not json', { 'x-api-key': KEY })).status).toBe(400);
  });

  it('answers 401, never 500, when the verifier throws', async () => {
    const { app, logger } = guardedApp(() => {
      throw new Error('token=abc.def.ghi broke the parser');
    });
    const result = await app.handle(JSON.stringify(cxRequest('hello').build()));
    expect(result).toMatchObject({ status: 401, body: UNAUTHENTICATED });
    expect(JSON.stringify(logger.records)).not.toContain('abc.def.ghi');
  });

  it('verifies signatures over the raw bytes, whether given as text or bytes', async () => {
    const { app } = guardedApp(hmacSignature({ secrets: [SECRET] }));
    const body = JSON.stringify(cxRequest('hello').build(), null, 2);
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = (id: string) => ({
      'webhook-id': id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': sign({ secret: SECRET, id, timestamp, body }),
    });
    expect(textsOf(validResponse('cx', await app.handle(body, headers('msg_text'))))).toEqual(['hello hmac secret-1']);
    expect(textsOf(validResponse('cx', await app.handle(Buffer.from(body), headers('msg_bytes'))))).toEqual(['hello hmac secret-1']);
    expect((await app.handle(body, headers('msg_text'))).status).toBe(401); // replayed
  });

  it('fails closed when a framework already parsed the body and signatures are required, and says why in the log', async () => {
    const { app, logger, calls } = guardedApp(hmacSignature({ secrets: [SECRET] }));
    const request = cxRequest('hello').build();
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = sign({ secret: SECRET, id: 'msg_parsed', timestamp, body: JSON.stringify(request) });
    const result = await app.handle(request, { 'webhook-id': 'msg_parsed', 'webhook-timestamp': String(timestamp), 'webhook-signature': signature });
    expect(result.status).toBe(401);
    expect(calls()).toBe(0);
    expect(logger.records.find((r) => r.level === 'warn')?.fields.reason).toMatch(/the raw body is needed/);
  });

  it('reads the verifier from the environment when none is given, and an explicit one wins', async () => {
    const fromEnv = testApp({ env: { FULFILLER_API_KEYS: KEY } }).app;
    fromEnv.tag('hello', (turn) => void turn.say('hi'));
    expect((await fromEnv.handle(JSON.stringify(cxRequest('hello').build()))).status).toBe(401);
    expect(validResponse('cx', await fromEnv.handle(JSON.stringify(cxRequest('hello').build()), { 'x-api-key': KEY }))).toBeDefined();
    const explicit = testApp({ env: { FULFILLER_API_KEYS: KEY }, auth: apiKey({ keys: ['other-key-0123456789'] }) }).app;
    expect((await explicit.handle(JSON.stringify(cxRequest('hello').build()), { 'x-api-key': KEY })).status).toBe(401);
  });

  it('leaves turn.caller undefined without auth', async () => {
    const { app } = testApp();
    app.tag('hello', (turn) => void turn.say(String(turn.caller)));
    expect(textsOf(validResponse('cx', await app.handle(cxRequest('hello').build())))).toEqual(['undefined']);
  });
});
