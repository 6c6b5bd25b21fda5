import { anyOf, apiKey, basicAuth } from '../../src/index.js';
import { cxRequest } from '../../src/testing/index.js';
import { serveGuardedHello, type GuardedHello } from '../support/app.js';
import { errorCode, post } from '../support/http.js';
import { checkBody, textsOf } from '../support/responses.js';

const KEY = 'Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA';
const OLD_KEY = 'b2xkLWtleS1zdGlsbC1yb3RhdGluZw';
const JSON_TYPE = { 'content-type': 'application/json' };
const basic = (text: string): string => `Basic ${Buffer.from(text, 'utf8').toString('base64')}`;

describe('API keys and basic auth over HTTP', () => {
  let served: GuardedHello;

  beforeAll(async () => {
    served = await serveGuardedHello(
      anyOf(apiKey({ keys: [KEY, OLD_KEY] }), basicAuth({ users: [{ user: 'dialogflow', password: 'p4ss:w0rd' }] })),
      (turn) => `${turn.caller?.scheme ?? '?'} ${turn.caller?.id ?? '?'}`,
    );
  });
  afterAll(() => served.close());
  beforeEach(() => served.reset());

  it.each([
    ['the API key', { 'x-api-key': KEY }, 'api-key key-1'],
    ['the old API key still in rotation', { 'x-api-key': OLD_KEY }, 'api-key key-2'],
    ['basic auth', { authorization: basic('dialogflow:p4ss:w0rd') }, 'basic dialogflow'],
  ])('answers a call with %s', async (_name, headers, caller) => {
    const res = await post(served.webhook, cxRequest('hello').build(), { ...JSON_TYPE, ...headers });
    expect(textsOf(checkBody('cx', res.text) as object)).toEqual([caller]);
  });

  it.each([
    ['a wrong API key of equal length', { 'x-api-key': `${KEY.slice(0, -1)}B` }],
    ['a wrong API key of another length', { 'x-api-key': `${KEY}A` }],
    ['an empty API key', { 'x-api-key': '' }],
    ['a wrong password', { authorization: basic('dialogflow:p4ss:w0rD') }],
    ['an unknown user', { authorization: basic('root:p4ss:w0rd') }],
    ['malformed base64', { authorization: 'Basic ZGlhbG9nZmxvdzpwNHNz%%%' }],
    ['credentials without a colon', { authorization: basic('dialogflow') }],
    ['no credentials at all', {}],
  ])('401 for %s, opaque, handler not called', async (_name, headers) => {
    const res = await post(served.webhook, cxRequest('hello').build(), { ...JSON_TYPE, ...headers });
    expect(res.status).toBe(401);
    expect(errorCode(res)).toBe('ERR_UNAUTHENTICATED');
    expect(res.text).not.toMatch(/api-key|basic|password|header/i);
    expect(served.calls).toBe(0);
  });
});
