import { sleep, type Handler, type Turn } from '../../src/index.js';
import { fakeClock, cxRequest, esRequest } from '../../src/testing/index.js';
import { testApp } from '../support/app.js';
import { JSON_HEADERS } from '../support/requests.js';
import { textsOf, validResponse } from '../support/responses.js';
import { gate, track } from '../support/timing.js';

const APOLOGY_EN = 'Sorry, the system is currently unavailable. Please try again later.';
const APOLOGY_JA = '申し訳ございません。ただいまシステムをご利用いただけません。しばらくしてから再度お試しください。';

describe('app.handle: routing', () => {
  it('routes CX by tag and ES by intent with one handler serving both', async () => {
    const { app } = testApp();
    const handler = (turn: Turn): void => void turn.say(`${turn.platform}: order status`);
    app.tag('order.status', handler).intent('order.status', handler);
    const cx = validResponse('cx', await app.handle(JSON.stringify(cxRequest('order.status').build()), JSON_HEADERS));
    const es = validResponse('es', await app.handle(JSON.stringify(esRequest('order.status').build()), JSON_HEADERS));
    expect(textsOf(cx)).toEqual(['cx: order status']);
    expect(textsOf(es)).toEqual(['es: order status']);
  });

  it('prefers the CX tag over the intent, and the ES action over the intent', async () => {
    const { app } = testApp();
    app.intent('shared', (turn) => void turn.say('by intent'));
    app.tag('t', (turn) => void turn.say('by tag'));
    app.action('a', (turn) => void turn.say('by action'));
    expect(textsOf(validResponse('cx', await app.handle(cxRequest('t').intent('shared').build())))).toEqual(['by tag']);
    expect(textsOf(validResponse('cx', await app.handle(cxRequest('other').intent('shared').build())))).toEqual(['by intent']);
    expect(textsOf(validResponse('es', await app.handle(esRequest('shared').action('a').build())))).toEqual(['by action']);
    expect(textsOf(validResponse('es', await app.handle(esRequest('shared').action('b').build())))).toEqual(['by intent']);
  });

  it('runs middleware around the route, with several handlers per route', async () => {
    const { app } = testApp();
    const order: string[] = [];
    app.use(async (turn, next) => {
      order.push('mw>');
      turn.locals.user = 'hanako';
      await next();
      order.push('<mw');
    });
    app.tag(
      'x',
      async (_turn, next) => {
        order.push('guard');
        await next();
      },
      (turn) => {
        order.push('handler');
        turn.say(`hi ${String(turn.locals.user)}`);
      },
    );
    expect(textsOf(validResponse('cx', await app.handle(cxRequest('x').build())))).toEqual(['hi hanako']);
    expect(order).toEqual(['mw>', 'guard', 'handler', '<mw']);
  });

  it('takes a parsed body and any header shape', async () => {
    const { app } = testApp();
    app.tag('x', (turn) => void turn.say(turn.headers['x-caller'] ?? 'none'));
    const result = await app.handle(cxRequest('x').build(), new Headers({ 'X-Caller': 'proxy', 'X-Request-Id': 'req-42' }));
    expect(textsOf(validResponse('cx', result))).toEqual(['proxy']);
    expect(result.headers['x-request-id']).toBe('req-42');
    const bytes = await app.handle(new TextEncoder().encode(JSON.stringify(cxRequest('x').build())), { 'X-CALLER': ['a', 'b'] });
    expect(textsOf(validResponse('cx', bytes))).toEqual(['a, b']);
  });
});

describe('app.handle: no handler', () => {
  it('answers the localized fallback and logs a warning', async () => {
    const { app, logger } = testApp();
    const en = validResponse('cx', await app.handle(cxRequest('unknown.tag').build()));
    const ja = validResponse('es', await app.handle(esRequest('未知').language('ja').build()));
    expect(textsOf(en)).toEqual(["Sorry, I can't help with that yet. Could you put it another way?"]);
    expect(textsOf(ja)).toEqual(['申し訳ありません。そのご用件にはまだお応えできません。別の言い方でお試しください。']);
    expect(logger.records.filter((r) => r.level === 'warn' && r.message.includes('no handler matched'))).toHaveLength(2);
  });

  it("says which of the app's routes a tag, intent or action without one may have meant", async () => {
    const { app, logger } = testApp();
    const hello: Handler = (turn) => void turn.say('hi');
    app
      .tag('order.status', hello)
      .tag('return.create', hello)
      .intent('Order Status', hello)
      .action('order.track', hello)
      .tag(/^faq\./, hello);
    validResponse('cx', await app.handle(cxRequest('order.staus').build()));
    validResponse('es', await app.handle(esRequest('Ordr Status').build()));
    validResponse('es', await app.handle(esRequest('x').action('order.trak').build()));
    validResponse('cx', await app.handle(cxRequest('weather.today').build()));
    const warnings = logger.records.filter((r) => r.level === 'warn' && r.message.startsWith('no handler matched'));
    expect(warnings.map((r) => [r.message, r.fields.didYouMean])).toEqual([
      ['no handler matched: answered with the fallback message. Did you mean the tag "order.status"?', { tag: 'order.status' }],
      ['no handler matched: answered with the fallback message. Did you mean the intent "Order Status"?', { intent: 'Order Status' }],
      ['no handler matched: answered with the fallback message. Did you mean the action "order.track"?', { action: 'order.track' }],
      ['no handler matched: answered with the fallback message', undefined],
    ]);
  });

  it('uses app.fallback() when given, and user messages per language', async () => {
    const { app } = testApp({ messages: { fr: { fallback: 'Pardon ?' } } });
    expect(textsOf(validResponse('cx', await app.handle(cxRequest('u').language('fr-FR').build())))).toEqual(['Pardon ?']);
    app.fallback((turn) => void turn.say(`no route for ${turn.tag ?? turn.intent ?? '?'}`));
    expect(textsOf(validResponse('cx', await app.handle(cxRequest('u').build())))).toEqual(['no route for u']);
  });
});

describe('app.handle: failing handlers', () => {
  it('answers the localized apology when a handler throws, logging the error with the request id', async () => {
    const { app, logger } = testApp();
    app.tag('x', () => {
      throw new Error('db password=hunter2 at /srv/app/orders.ts:12');
    });
    app.intent('x', async () => Promise.reject(new Error('backend 500')));
    const cx = await app.handle(cxRequest('x').build(), { 'x-request-id': 'abc-1' });
    const es = await app.handle(esRequest('x').language('ja-JP').build());
    expect(textsOf(validResponse('cx', cx))).toEqual([APOLOGY_EN]);
    expect(textsOf(validResponse('es', es))).toEqual([APOLOGY_JA]);
    for (const body of [cx.body, es.body]) expect(body).not.toMatch(/hunter2|\/srv|\.ts:|backend 500|stack/);
    const errors = logger.records.filter((r) => r.level === 'error');
    expect(errors[0]?.fields).toMatchObject({ requestId: 'abc-1', code: 'ERR_HANDLER_FAILED', err: { message: expect.stringContaining('db password') } });
    expect(errors).toHaveLength(2);
  });

  it('discards what a failing handler said before it threw', async () => {
    const { app } = testApp();
    app.tag('x', (turn) => {
      turn.say('half an answer').params.set('leak', 1);
      throw new Error('boom');
    });
    const response = validResponse('cx', await app.handle(cxRequest('x').build()));
    expect(response).toEqual({ fulfillmentResponse: { messages: [{ text: { text: [APOLOGY_EN] } }] } });
  });

  it('lets app.onError() answer on a fresh turn, and falls back to the apology if it says nothing or throws', async () => {
    const { app } = testApp();
    app.tag('x', () => {
      throw new Error('boom');
    });
    app.onError((error, turn) => void turn.say(`custom: ${(error as Error).message}`));
    expect(textsOf(validResponse('cx', await app.handle(cxRequest('x').build())))).toEqual(['custom: boom']);
    app.onError(() => undefined);
    expect(textsOf(validResponse('cx', await app.handle(cxRequest('x').build())))).toEqual([APOLOGY_EN]);
    app.onError(() => {
      throw new Error('worse');
    });
    expect(textsOf(validResponse('cx', await app.handle(cxRequest('x').build())))).toEqual([APOLOGY_EN]);
  });

  it('answers the apology when middleware calls next() twice', async () => {
    const { app, logger } = testApp();
    app.use(async (_turn, next) => {
      await next();
      await next();
    });
    app.tag('x', (turn) => void turn.say('once'));
    expect(textsOf(validResponse('cx', await app.handle(cxRequest('x').build())))).toEqual([APOLOGY_EN]);
    expect(logger.records.some((r) => r.fields.code === 'ERR_NEXT_CALLED_TWICE')).toBe(true);
  });
});

describe('app.handle: deadline', () => {
  it('answers with the timeout message at the deadline and aborts the handler signal', async () => {
    const clock = fakeClock(0);
    const { app, logger } = testApp({ clock, deadlineMs: 50 });
    let aborted: unknown;
    const lateSay = gate();
    app.tag('slow', (turn) => {
      turn.signal.addEventListener('abort', () => {
        aborted = turn.signal.reason;
        void sleep(clock, 5).then(() => {
          turn.say('too late');
          lateSay.open();
        });
      });
      return new Promise<void>(() => {}); // a backend that never answers
    });
    const answer = track(app.handle(cxRequest('slow').build()), clock);
    await clock.advance(49);
    expect(answer).toEqual({}); // not before the deadline
    await clock.advance(1);
    expect(answer.at).toBe(50); // at the deadline, while the handler still waits
    const response = validResponse('cx', answer.result!);
    expect(textsOf(response)).toEqual(['This is taking longer than usual. Please ask me again in a moment.']);
    expect(aborted).toMatchObject({ code: 'ERR_DEADLINE_EXCEEDED' });
    await clock.advance(5);
    await lateSay.work;
    expect(logger.records.some((r) => r.level === 'warn' && r.message.includes('deadline exceeded'))).toBe(true);
    expect(logger.records.some((r) => r.message.includes('after the response was sent'))).toBe(true);
  });

  it('uses the route deadline over the app deadline', async () => {
    const clock = fakeClock(0);
    const { app } = testApp({ clock, deadlineMs: 20 });
    app.tag('report', { deadlineMs: 500 }, async (turn) => {
      await sleep(clock, 60);
      turn.say('done');
    });
    const answer = app.handle(cxRequest('report').build());
    await clock.advance(60);
    expect(textsOf(validResponse('cx', await answer))).toEqual(['done']);
  });

  it('answers the Japanese timeout message for ja requests', async () => {
    const clock = fakeClock(0);
    const { app } = testApp({ clock, deadlineMs: 10 });
    app.intent('slow', () => new Promise<void>(() => {}));
    const answer = app.handle(esRequest('slow').language('ja').build());
    await clock.advance(10);
    expect(textsOf(validResponse('es', await answer))).toEqual(['処理に時間がかかっています。少し経ってから、もう一度お尋ねください。']);
  });

  it('refuses a route deadline out of range at registration', () => {
    const { app } = testApp();
    expect(() => app.tag('x', { deadlineMs: 0 }, () => {})).toThrow(expect.objectContaining({ code: 'ERR_INVALID_OPTION' }));
  });
});

describe('app.handle: lost promises', () => {
  it('warns when a handler finishes without output, and ignores writes after the answer', async () => {
    const clock = fakeClock(0);
    const { app, logger } = testApp({ clock });
    let late: Promise<void> | undefined;
    app.tag('forgot', (turn) => {
      late = sleep(clock, 10).then(() => void turn.say('never sent'));
    });
    const response = validResponse('cx', await app.handle(cxRequest('forgot').build()));
    expect(response).toEqual({});
    await clock.advance(10);
    await late;
    const warnings = logger.records.filter((r) => r.level === 'warn').map((r) => r.message);
    expect(warnings).toEqual([expect.stringContaining('forget to await'), expect.stringContaining('turn.say() was called after the response was sent')]);
  });
});

describe('app.handle: bad requests never reach a handler', () => {
  const cases: [string, string | object, string, string][] = [
    ['malformed JSON', '{"detectIntentResponseId": ', 'ERR_MALFORMED_JSON', ''],
    ['a JSON array', '[{"queryResult": {}}]', 'ERR_BODY_NOT_OBJECT', ''],
    ['a JSON string', '"hello"', 'ERR_BODY_NOT_OBJECT', ''],
    ['JSON null', 'null', 'ERR_BODY_NOT_OBJECT', ''],
    ['neither dialect', '{"hello": 1}', 'ERR_UNKNOWN_DIALECT', ''],
    ['a wrong CX field type', { ...cxRequest('x').build(), fulfillmentInfo: { tag: 5 } }, 'ERR_INVALID_REQUEST', 'fulfillmentInfo.tag'],
    [
      'a wrong ES field type',
      { ...esRequest('x').build(), queryResult: { ...esRequest('x').build().queryResult, outputContexts: [{ name: 'c', lifespanCount: 'two' }] } },
      'ERR_INVALID_REQUEST',
      'queryResult.outputContexts[0].lifespanCount',
    ],
    ['a message field given a string', { ...cxRequest('x').build(), sessionInfo: 'nope' }, 'ERR_INVALID_REQUEST', 'sessionInfo'],
  ];

  it.each(cases)('%s → 400 %s naming the field', async (_name, body, code, path) => {
    const { app } = testApp();
    let called = false;
    app.tag(/.*/, () => void (called = true)).intent(/.*/, () => void (called = true));
    const result = await app.handle(typeof body === 'string' ? body : JSON.stringify(body), JSON_HEADERS);
    expect(result.status).toBe(400);
    expect(result.headers['content-type']).toMatch(/^application\/json/);
    const error = (JSON.parse(result.body) as { error: { code: string; path?: string; message: string } }).error;
    expect(error.code).toBe(code);
    expect(error.path ?? '').toBe(path);
    if (path !== '') expect(error.message).toContain(path);
    expect(called).toBe(false);
  });

  it('ignores unknown request fields at any depth (Dialogflow adds undocumented ones)', async () => {
    const { app } = testApp();
    app.tag('x', (turn) => void turn.say('fine'));
    const request = { ...cxRequest('x').build(), callerId: '+81...', fulfillmentInfo: { tag: 'x', internal: true } };
    expect(textsOf(validResponse('cx', await app.handle(request)))).toEqual(['fine']);
  });
});

describe('app.handle: responses that are not spec-valid', () => {
  const bad = (turn: Turn): void => {
    if (turn.platform === 'cx') turn.message({ text: { text: 'not a list' as never } });
  };

  it('throws in test mode, naming the field', async () => {
    const { app } = testApp();
    app.tag('x', bad);
    await expect(app.handle(cxRequest('x').build())).rejects.toMatchObject({
      code: 'ERR_INVALID_RESPONSE',
      path: 'fulfillmentResponse.messages[0].text.text',
      message: expect.stringContaining('fulfillmentResponse.messages[0].text.text'),
    });
  });

  it('throws in development mode too', async () => {
    const { app } = testApp({ mode: 'development' });
    app.tag('x', bad);
    await expect(app.handle(cxRequest('x').build())).rejects.toMatchObject({ code: 'ERR_INVALID_RESPONSE' });
  });

  it('logs and sends the apology in production', async () => {
    const { app, logger } = testApp({ mode: 'production' });
    app.tag('x', bad);
    expect(textsOf(validResponse('cx', await app.handle(cxRequest('x').build())))).toEqual([APOLOGY_EN]);
    expect(logger.records.find((r) => r.level === 'error')?.fields).toMatchObject({
      code: 'ERR_INVALID_RESPONSE',
      path: 'fulfillmentResponse.messages[0].text.text',
    });
  });

  it('enforces the 64 KiB response limit', async () => {
    const { app } = testApp();
    app.tag('big', (turn) => void turn.say('x'.repeat(70 * 1024)));
    await expect(app.handle(cxRequest('big').build())).rejects.toMatchObject({ code: 'ERR_RESPONSE_TOO_LARGE' });
    const prod = testApp({ mode: 'production' }).app;
    prod.tag('big', (turn) => void turn.say('x'.repeat(70 * 1024)));
    expect(textsOf(validResponse('cx', await prod.handle(cxRequest('big').build())))).toEqual([APOLOGY_EN]);
  });
});

describe('app.close', () => {
  it('refuses new turns with 503 once closing', async () => {
    const { app } = testApp();
    app.tag('x', (turn) => void turn.say('hi'));
    app.close();
    expect(app.ready).toBe(false);
    const result = await app.handle(cxRequest('x').build());
    expect(result.status).toBe(503);
    expect(JSON.parse(result.body)).toMatchObject({ error: { code: 'ERR_SHUTTING_DOWN' } });
  });
});

describe('app.observe', () => {
  it('sees every call with its outcome, route, status and error code', async () => {
    const clock = fakeClock(0);
    const { app, logger } = testApp({ clock, deadlineMs: 30 });
    const seen: unknown[] = [];
    app.observe((exchange) =>
      seen.push({ outcome: exchange.outcome, route: exchange.route, status: exchange.status, errorCode: exchange.errorCode, dialect: exchange.dialect }),
    );
    app.observe(() => {
      throw new Error('a broken observer');
    });
    app.tag('ok', (turn) => void turn.say('hi'));
    app.intent('boom', () => {
      throw new Error('boom');
    });
    app.tag('slow', () => new Promise<void>(() => {}));
    await app.handle(cxRequest('ok').build());
    await app.handle(cxRequest('nothing').build());
    await app.handle(esRequest('boom').build());
    const slow = app.handle(cxRequest('slow').build());
    await clock.advance(30);
    await slow;
    await app.handle('[]');
    expect(seen).toEqual([
      { outcome: 'handled', route: { kind: 'tag', key: 'ok' }, status: 200, errorCode: undefined, dialect: 'cx' },
      { outcome: 'fallback', route: undefined, status: 200, errorCode: undefined, dialect: 'cx' },
      { outcome: 'error', route: { kind: 'intent', key: 'boom' }, status: 200, errorCode: 'ERR_HANDLER_FAILED', dialect: 'es' },
      { outcome: 'timeout', route: { kind: 'tag', key: 'slow' }, status: 200, errorCode: 'ERR_DEADLINE_EXCEEDED', dialect: 'cx' },
      { outcome: 'refused', route: undefined, status: 400, errorCode: 'ERR_BODY_NOT_OBJECT', dialect: undefined },
    ]);
    expect(logger.records.filter((r) => r.message.includes('observer threw'))).toHaveLength(5);
  });
});

describe('app.handle: text cut inside an emoji', () => {
  it('is caught in a custom payload too, which the schema does not walk', async () => {
    const { app } = testApp();
    app.tag('cut', (turn) => void turn.payload({ note: 'thumbs 👍'.slice(0, 8) }));
    await expect(app.handle(cxRequest('cut').build())).rejects.toMatchObject({
      code: 'ERR_INVALID_RESPONSE',
      message: expect.stringContaining('unpaired UTF-16 surrogate'),
    });
  });
});
