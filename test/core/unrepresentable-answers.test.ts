import { createServer } from 'node:http';
import { InvalidResponseError, type FulfillerOptions, type Handler, type JsonValue } from '../../src/index.js';
import { JsonLineLogger } from '../../src/logging/json-line-logger.js';
import { testApp } from '../support/app.js';
import { close, listen, post } from '../support/http.js';
import { cxRequest, esRequest } from '../../src/testing/index.js';
import { JSON_HEADERS } from '../support/requests.js';
import { checkBody, textsOf, validResponse } from '../support/responses.js';

const APOLOGY = 'Sorry, the system is currently unavailable. Please try again later.';

/** A value nested `depth` levels deep. */
function nested(depth: number): JsonValue {
  let value: JsonValue = 'bottom';
  for (let i = 0; i < depth; i++) value = { inner: value };
  return value;
}

function circular(): JsonValue {
  const value: Record<string, unknown> = { name: 'loop' };
  value.self = value;
  return value as JsonValue;
}

/** What handlers from plain JavaScript can hand the library, and what the message should say. */
const UNREPRESENTABLE: [string, (turn: Parameters<Handler>[0]) => unknown, string, RegExp][] = [
  ['a parameter nested 5000 deep', (turn) => turn.params.set('deep', nested(5000)), 'params.deep', /nested more than 100 levels deep/],
  ['a circular parameter', (turn) => turn.params.set('loop', circular()), 'params.loop.self', /refers back to itself/],
  ['a BigInt parameter', (turn) => turn.params.set('big', 10n as unknown as JsonValue), 'params.big', /BigInt.*String\(value\)/],
  ['a BigInt in a payload', (turn) => turn.payload({ total: 10n as unknown as JsonValue }), 'payload.total', /BigInt/],
  ['a circular payload', (turn) => turn.payload(circular() as { name: string }), 'payload.self', /refers back to itself/],
  ['NaN', (turn) => turn.params.set('ratio', Number.NaN), 'params.ratio', /NaN.*arrive as null, which deletes/],
  ['Infinity inside a value', (turn) => turn.params.set('limits', { max: Number.POSITIVE_INFINITY }), 'params.limits.max', /Infinity/],
  ['undefined inside an object', (turn) => turn.params.set('order', { id: 'A-1', note: undefined } as unknown as JsonValue), 'params.order.note', /undefined/],
  ['undefined inside a list', (turn) => turn.params.set('items', [1, undefined] as unknown as JsonValue), 'params.items[1]', /undefined/],
  ['a promise not awaited', (turn) => turn.params.set('order', Promise.resolve(1) as unknown as JsonValue), 'params.order', /forget to await/],
  ['a Map', (turn) => turn.webhookPayload({ seen: new Map() as unknown as JsonValue }), 'webhookPayload.seen', /a Map/],
];

describe('answers that cannot be serialised (field report 4) and values JSON cannot carry (field report 12)', () => {
  it.each(UNREPRESENTABLE)('%s: in development, a coded error naming the field, at the call that brought it in', async (_name, write, path, message) => {
    const { app } = testApp();
    let thrown: unknown;
    app.tag('write', (turn) => {
      try {
        write(turn);
      } catch (error) {
        thrown = error;
        throw error;
      }
    });
    const rejected = await app.handle(JSON.stringify(cxRequest('write').build()), JSON_HEADERS).catch((error: unknown) => error);
    expect(thrown).toBe(rejected);
    expect(rejected).toBeInstanceOf(InvalidResponseError);
    expect(rejected).toMatchObject({ code: 'ERR_INVALID_RESPONSE', path });
    expect((rejected as Error).message).toMatch(message);
  });

  it.each(UNREPRESENTABLE)('%s: in production, the apology and a log line with the request id', async (_name, write, path) => {
    const { app, logger } = testApp({ mode: 'production' });
    app.tag('write', (turn) => void write(turn));
    app.intent('write', (turn) => void write(turn));
    const cx = await app.handle(JSON.stringify(cxRequest('write').build()), { ...JSON_HEADERS, 'x-request-id': 'req-cx' });
    const es = await app.handle(JSON.stringify(esRequest('write').build()), { ...JSON_HEADERS, 'x-request-id': 'req-es' });
    expect(textsOf(validResponse('cx', cx))).toEqual([APOLOGY]);
    expect(textsOf(validResponse('es', es))).toEqual([APOLOGY]);
    const lines = logger.records.filter((record) => record.level === 'error');
    expect(lines.map((line) => [line.fields.requestId, line.fields.code, line.fields.path])).toEqual([
      ['req-cx', 'ERR_INVALID_RESPONSE', path],
      ['req-es', 'ERR_INVALID_RESPONSE', path],
    ]);
  });

  it('catches what changed after it was handed over: the apology in production, the field named in development', async () => {
    const spoil: Handler = (turn) => {
      const order: Record<string, unknown> = { id: 'A-1' };
      turn.params.set('order', order as JsonValue);
      order.total = 10n; // after the check at set()
    };
    const production = testApp({ mode: 'production' });
    production.app.tag('spoil', spoil);
    expect(textsOf(validResponse('cx', await production.app.handle(cxRequest('spoil').build())))).toEqual([APOLOGY]);
    expect(production.logger.records.find((record) => record.level === 'error')?.fields).toMatchObject({
      code: 'ERR_INVALID_RESPONSE',
      path: 'sessionInfo.parameters.order.total',
    });
    const development = testApp();
    development.app.tag('spoil', spoil);
    await expect(development.app.handle(cxRequest('spoil').build())).rejects.toMatchObject({
      code: 'ERR_INVALID_RESPONSE',
      path: 'sessionInfo.parameters.order.total',
    });
  });

  it('keeps null and a top-level undefined as what they are documented to be: a deletion', async () => {
    const { app } = testApp();
    app.tag(
      'clear',
      (turn) =>
        void turn.params
          .set('a', null)
          .set('b', undefined)
          .set('c', { list: [null, 1.5, 'x'] }),
    );
    const response = validResponse('cx', await app.handle(cxRequest('clear').build()));
    expect(response.sessionInfo?.parameters).toEqual({ a: null, b: null, c: { list: [null, 1.5, 'x'] } });
  });

  describe('a handler that throws a hostile value', () => {
    const hostile = (): unknown =>
      new Proxy(
        {},
        {
          get() {
            throw new Error('get trap');
          },
          getPrototypeOf() {
            throw new Error('getPrototypeOf trap');
          },
          has() {
            throw new Error('has trap');
          },
          ownKeys() {
            throw new Error('ownKeys trap');
          },
          getOwnPropertyDescriptor() {
            throw new Error('getOwnPropertyDescriptor trap');
          },
        },
      );

    it.each<[string, Partial<FulfillerOptions>]>([
      ['development', {}],
      ['production', { mode: 'production' }],
    ])('%s: the apology, and a log line with the request id that says what could be read', async (_mode, options) => {
      const { app, logger } = testApp(options);
      app.tag('hostile', () => {
        throw hostile();
      });
      const result = await app.handle(JSON.stringify(cxRequest('hostile').build()), { ...JSON_HEADERS, 'x-request-id': 'req-hostile' });
      expect(textsOf(validResponse('cx', result))).toEqual([APOLOGY]);
      const line = logger.records.find((record) => record.level === 'error');
      expect(line).toMatchObject({ message: 'a handler failed: answered with the apology', fields: { requestId: 'req-hostile', code: 'ERR_HANDLER_FAILED' } });
      expect(line?.fields.err).toEqual({ type: 'unreadable', message: 'the thrown value could not be read (its getters or proxy traps threw)' });
    });

    it('an onError that is handed it, and the default logger that is handed it, do not turn it into a 500 over HTTP', async () => {
      const lines: string[] = [];
      const { app } = testApp({ mode: 'production', logger: new JsonLineLogger({ write: (line: string) => lines.push(line) }, 'error') });
      app.tag('hostile', (turn) => {
        turn.log.error({ err: hostile(), detail: hostile() }, 'about to fail');
        throw hostile();
      });
      app.onError((error, turn) => {
        turn.log.error({ err: error }, 'onError saw it');
        throw error;
      });
      const server = createServer((req, res) => app.express()(req, res, () => res.end()));
      try {
        const res = await post(`${await listen(server)}/webhook`, cxRequest('hostile').build());
        expect(res.status).toBe(200);
        expect(textsOf(checkBody('cx', res.text) as object)).toEqual([APOLOGY]);
        const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
        expect(logged.map((line) => line.message)).toEqual([
          'about to fail',
          'a handler failed: answered with the apology',
          'onError saw it',
          'the onError handler failed too',
        ]);
        for (const line of logged) expect(line).toMatchObject({ requestId: expect.any(String), severity: 'ERROR' });
      } finally {
        await close(server);
      }
    });
  });
});
