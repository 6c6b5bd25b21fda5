import { request as httpRequest, type Server } from 'node:http';
import { createServer, type JsonValue } from '../../src/index.js';
import { cxRequest, esRequest } from '../../src/testing/index.js';
import { testApp } from '../support/app.js';
import { close, listen, post } from '../support/http.js';
import { ES_SESSION } from '../support/requests.js';
import { checkBody, textsOf } from '../support/responses.js';

const POISON = { polluted: 'yes' };
// JSON.parse makes "__proto__" an own key, as a request body does; an object literal would not.
const poisoned = (): Record<string, JsonValue> =>
  JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"customer_id":"12345"}') as Record<string, JsonValue>;

function expectNoPollution(): void {
  for (const proto of [Object.prototype, Array.prototype, Function.prototype]) expect(Object.hasOwn(proto, 'polluted')).toBe(false);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(typeof ({} as { constructor: unknown }).constructor).toBe('function');
}

describe('the HTTP edge: "__proto__" and "constructor" keys pollute nothing', () => {
  let server: Server;
  let webhook: string;

  beforeAll(async () => {
    const { app } = testApp();
    app.tag('echo', (turn) => {
      const proto = turn.params.get('__proto__');
      turn.params.set('__proto__', POISON).set('constructor', { prototype: POISON });
      const headers = `${turn.headers.__proto__ ?? '-'} ${turn.headers.constructor ?? '-'}`;
      turn.say(`${JSON.stringify(proto)} ${Object.keys(turn.params.toObject()).sort().join(',')} ${headers}`);
    });
    app.intent('echo', (turn) => {
      if (turn.platform !== 'es') return;
      const context = turn.contexts.get('__proto__');
      turn.contexts.set('__proto__', { lifespan: 2, parameters: poisoned() });
      turn.say(
        `${Object.keys(context?.parameters ?? {})
          .sort()
          .join(',')} ${String(turn.params.get('customer_id'))}`,
      );
    });
    server = createServer(app);
    webhook = `${await listen(server)}/webhook`;
  });
  afterAll(() => {
    expectNoPollution();
    return close(server);
  });

  it('in the body itself', async () => {
    const body = `{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},${JSON.stringify(cxRequest('echo').build()).slice(1)}`;
    const res = await post(webhook, body);
    expect(res.status).toBe(200);
    checkBody('cx', res.text);
    expectNoPollution();
  });

  it('in CX session and intent parameters, read and written back', async () => {
    const request = cxRequest('echo')
      .intent('i', JSON.parse('{"__proto__":"x","constructor":"y"}') as Record<string, JsonValue>)
      .build();
    request.sessionInfo!.parameters = poisoned();
    const res = await postWithHeaders(webhook, JSON.stringify(request), [
      ['content-type', 'application/json'],
      ['__proto__', 'p'],
      ['constructor', 'c'],
    ]);
    const response = checkBody('cx', res.text) as { sessionInfo: { parameters: Record<string, unknown> } };
    // node's HTTP parser leaves a header named "__proto__" out of req.headers; "constructor" is a plain header.
    expect(textsOf(response as object)).toEqual(['{"polluted":"yes"} __proto__,constructor,customer_id - c']);
    expect(Object.hasOwn(response.sessionInfo.parameters, '__proto__')).toBe(true);
    expect(res.text).toContain('"__proto__":{"polluted":"yes"}');
    expectNoPollution();
  });

  it('in headers a framework hands over as a plain object', async () => {
    const { app } = testApp();
    app.tag('h', (turn) => void turn.say(`${turn.headers.__proto__ ?? '-'} ${turn.headers.constructor ?? '-'}`));
    const headers = JSON.parse('{"__proto__":"p","constructor":"c","content-type":"application/json"}') as Record<string, string>;
    expect(textsOf(checkBody('cx', (await app.handle(JSON.stringify(cxRequest('h').build()), headers)).body) as object)).toEqual(['p c']);
    expectNoPollution();
  });

  it('in ES contexts and their parameters, read and written back', async () => {
    const request = esRequest('echo').context('__proto__', { params: poisoned() }).context('constructor', { params: poisoned() }).build();
    request.queryResult!.parameters = poisoned();
    const res = await post(webhook, request);
    const response = checkBody('es', res.text) as { outputContexts: { name: string; parameters?: Record<string, unknown> }[] };
    expect(textsOf(response as object)).toEqual(['__proto__,constructor,customer_id 12345']);
    const written = response.outputContexts.find((c) => c.name === `${ES_SESSION}/contexts/__proto__`);
    expect(Object.keys(written?.parameters ?? {}).sort()).toEqual(['__proto__', 'constructor', 'customer_id']);
    expectNoPollution();
  });
});

/** A POST with headers exactly as given (fetch silently drops one named "__proto__"). */
function postWithHeaders(url: string, body: string, headers: [string, string][]): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST' }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    for (const [name, value] of headers) req.setHeader(name, value);
    req.on('error', reject);
    req.end(body);
  });
}
