import { setTimeout as sleep } from 'node:timers/promises';
import { apiKey, BUILT_IN_MESSAGES, FulfillerError, InvalidArgumentError, hmacSignature, sign, type FulfillerOptions } from '../../../src/index.js';
import { Card, Payload, Suggestion, Text, WebhookClient, type RequestHandler } from '../../../src/compat/dialogflow-fulfillment/index.js';
import { cxRequest, esRequest, fakeClock } from '../../../src/testing/index.js';
import { testApp } from '../../support/app.js';
import { checkBody, textsOf } from '../../support/responses.js';
import { RecordingResponse } from '../support/recording-response.js';

/**
 * The drop-in path: `new WebhookClient({ request, response })` and `agent.handleRequest()` as the
 * old library's users call them, answered by an app's pipeline (the `app` option injects one).
 */
const { fallback, apology, timeout } = BUILT_IN_MESSAGES.en!;
const JSON_TYPE = { 'content-type': 'application/json' };

async function call(body: unknown, handler: RequestHandler, options: FulfillerOptions = {}, headers: Record<string, string> = JSON_TYPE) {
  const { app, logger } = testApp(options);
  const response = new RecordingResponse();
  const agent = new WebhookClient({ request: { body, headers }, response, app });
  await agent.handleRequest(handler);
  return { agent, response, logger, app };
}

const es = (intent = 'order.status') => esRequest(intent).text('where is my order').params({ order: 'A-1003' }).build();

describe('WebhookClient on the pipeline', () => {
  it('reads the request as soon as it is made, as the old library did', () => {
    const request = esRequest('order.status')
      .action('order.read')
      .params({ order: 'A-1003' })
      .language('en-GB')
      .context('cart', { lifespan: 2, params: { n: 1 } })
      .source('facebook')
      .build();
    const agent = new WebhookClient({ request: { body: request }, response: new RecordingResponse() });
    expect(agent).toMatchObject({
      agentVersion: 2,
      intent: 'order.status',
      action: 'order.read',
      parameters: { order: 'A-1003' },
      locale: 'en-GB',
      requestSource: 'FACEBOOK',
      session: request.session,
      contexts: [{ name: 'cart', lifespan: 2, parameters: { n: 1 } }],
      alternativeQueryResults: null,
      FACEBOOK: 'FACEBOOK',
      ACTIONS_ON_GOOGLE: 'ACTIONS_ON_GOOGLE',
    });
    expect(agent.context.get('cart')).toEqual({ name: 'cart', lifespan: 2, parameters: { n: 1 } });
    expect(agent.getContext('cart')).toEqual({ name: 'cart', lifespan: 2, parameters: { n: 1 } });
  });

  it('answers through app.handle(): the response is checked, the request id set, one log line per call', async () => {
    const { response, logger } = await call(es(), (agent) => {
      agent.add('Your order is on its way.');
      agent.add(new Card({ title: 'A-1003', text: 'Preparing for shipment' }));
      agent.add(new Suggestion('Track it'));
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(response.headers['x-request-id']).toEqual(expect.any(String));
    const body = checkBody('es', response.body!) as object;
    expect(textsOf(body)).toEqual(['Your order is on its way.']);
    expect(body).toMatchObject({
      fulfillmentMessages: [{}, { card: { title: 'A-1003', subtitle: 'Preparing for shipment' } }, { quickReplies: { quickReplies: ['Track it'] } }],
    });
    expect(logger.records.filter((r) => r.message === 'turn answered')).toEqual([
      expect.objectContaining({ fields: expect.objectContaining({ outcome: 'handled', route: { kind: 'intent', key: 'order.status' } }) }),
    ]);
  });

  it('writes to an Express-like response that has only status() and json()', async () => {
    const { app } = testApp();
    const sent: unknown[] = [];
    const response = { status: (code: number) => sent.push(code), json: (body: unknown) => sent.push(body) };
    await new WebhookClient({ request: { body: es() }, response, app }).handleRequest((agent) => agent.add('Hi'));
    expect(sent).toEqual([200, { fulfillmentText: 'Hi', fulfillmentMessages: [{ text: { text: ['Hi'] } }] }]);
    checkBody('es', JSON.stringify(sent[1]));
  });

  it('gives an intent the map has no handler for the app fallback, and logs it, instead of hanging', async () => {
    const { response, logger } = await call(es('refund'), new Map([['order.status', (agent) => agent.add('never')]]));
    expect(textsOf(checkBody('es', response.body!) as object)).toEqual([fallback]);
    expect(logger.records).toContainEqual(expect.objectContaining({ level: 'warn', message: expect.stringContaining('no handler matched') }));
  });

  it('runs the null entry of the map for any other intent', async () => {
    const { response } = await call(es('refund'), new Map([[null, (agent) => agent.add(`default: ${agent.intent}`)]]));
    expect(textsOf(checkBody('es', response.body!) as object)).toEqual(['default: refund']);
  });

  it('answers a handler that throws or rejects with the apology and logs it with the request id', async () => {
    for (const handler of [
      () => {
        throw new Error('backend down');
      },
      async () => {
        await sleep(1);
        throw new Error('backend down');
      },
    ] satisfies RequestHandler[]) {
      const { response, logger } = await call(es(), handler);
      expect(textsOf(checkBody('es', response.body!) as object)).toEqual([apology]);
      expect(response.body).not.toContain('backend down');
      expect(logger.records).toContainEqual(
        expect.objectContaining({
          level: 'error',
          message: expect.stringContaining('handler failed'),
          fields: expect.objectContaining({ requestId: response.headers['x-request-id'] }),
        }),
      );
    }
  });

  it('waits for the promise a handler returns', async () => {
    const { response } = await call(es(), async (agent) => {
      await sleep(5);
      agent.add('after a while');
    });
    expect(textsOf(checkBody('es', response.body!) as object)).toEqual(['after a while']);
  });

  it('warns as the native API does when agent.add() comes after the answer was sent', async () => {
    let late!: Promise<void>;
    const { response, logger } = await call(es(), (agent) => {
      agent.add('right away');
      late = sleep(5).then(() => agent.add('too late'));
    });
    await late;
    expect(textsOf(checkBody('es', response.body!) as object)).toEqual(['right away']);
    expect(logger.records).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        fields: expect.objectContaining({ method: 'say' }),
        message: expect.stringContaining('after the response was sent'),
      }),
    );
  });

  it('answers the timeout message when the handler runs past the deadline', async () => {
    const clock = fakeClock(0);
    const answered = call(es(), () => new Promise(() => {}), { deadlineMs: 4000, clock });
    await clock.advance(4000);
    const { response } = await answered;
    expect(textsOf(checkBody('es', response.body!) as object)).toEqual([timeout]);
  });

  it('sends contexts as given: lifespan 0 ends one, 5 when none is given', async () => {
    const request = esRequest('order.status').context('old', { lifespan: 3 }).build();
    const { response } = await call(request, (agent) => {
      agent.add('ok');
      agent.context.delete('old');
      agent.context.set('weather', undefined, { city: 'Rome' });
      agent.setContext({ name: 'later', lifespan: 0 });
    });
    expect(checkBody('es', response.body!)).toMatchObject({
      outputContexts: [
        { name: `${request.session}/contexts/old`, lifespanCount: 0 },
        { name: `${request.session}/contexts/weather`, lifespanCount: 5, parameters: { city: 'Rome' } },
        { name: `${request.session}/contexts/later`, lifespanCount: 0 },
      ],
    });
  });

  it('sends a followup event alone (the old library threw "No responses defined")', async () => {
    const { response } = await call(es(), (agent) => agent.setFollowupEvent({ name: 'next-step', parameters: { order: 'A-1003' } }));
    expect(checkBody('es', response.body!)).toEqual({ followupEventInput: { name: 'next-step', languageCode: 'en', parameters: { order: 'A-1003' } } });
  });

  it('in development, a response that cannot be sent is a 500 naming the field; in production, the apology', async () => {
    const badContext: RequestHandler = (agent) => {
      agent.add('ok');
      agent.context.set('not a valid id', 2);
    };
    const development = await call(es(), badContext, { mode: 'development' });
    expect(development.response.statusCode).toBe(500);
    expect(development.response.answer).toEqual({ error: expect.objectContaining({ code: 'ERR_INVALID_RESPONSE', path: 'outputContexts' }) });
    const production = await call(es(), badContext, { mode: 'production' });
    expect(textsOf(checkBody('es', production.response.body!) as object)).toEqual([apology]);
  });

  it('refuses what is not an ES v2 request with a 400 that says what it is, and runs no handler', async () => {
    const handler = jestless();
    const cx = await call(cxRequest('order.status').build(), handler.fn);
    expect([cx.response.statusCode, cx.response.answer]).toEqual([
      400,
      { error: expect.objectContaining({ code: 'ERR_COMPAT_ES_ONLY', message: expect.stringContaining('CX') }) },
    ]);
    const v1 = await call({ id: '1', lang: 'en', sessionId: 's', result: { action: 'a', metadata: { intentName: 'I' } } }, handler.fn);
    expect([v1.response.statusCode, v1.response.answer]).toEqual([
      400,
      { error: expect.objectContaining({ code: 'ERR_UNKNOWN_DIALECT', message: expect.stringContaining('ES v1') }) },
    ]);
    const broken = await call({ ...es(), queryResult: { intent: 'order.status' } }, handler.fn);
    expect([broken.response.statusCode, broken.response.answer]).toEqual([
      400,
      { error: expect.objectContaining({ code: 'ERR_INVALID_REQUEST', path: 'queryResult.intent' }) },
    ]);
    const none = await call(undefined, handler.fn);
    expect(none.response.statusCode).toBe(400);
    expect(handler.calls).toBe(0);
  });

  it('checks credentials like any call of the app, on the raw body when the framework kept it', async () => {
    const guarded = { auth: apiKey({ keys: ['k-1'] }) };
    expect((await call(es(), (agent) => agent.add('hi'), guarded)).response.statusCode).toBe(401);
    expect((await call(es(), (agent) => agent.add('hi'), guarded, { ...JSON_TYPE, 'x-api-key': 'k-1' })).response.statusCode).toBe(200);

    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const { app } = testApp({ auth: hmacSignature({ secrets: [secret] }) });
    const rawBody = Buffer.from(JSON.stringify(es()));
    const timestamp = Math.floor(Date.now() / 1000);
    const signed = {
      ...JSON_TYPE,
      'webhook-id': 'msg-1',
      'webhook-timestamp': String(timestamp),
      'webhook-signature': sign({ secret, id: 'msg-1', timestamp, body: rawBody }),
    };
    const response = new RecordingResponse();
    await new WebhookClient({ request: { body: JSON.parse(rawBody.toString()), rawBody, headers: signed }, response, app }).handleRequest((agent) =>
      agent.add('signed'),
    );
    expect([response.statusCode, textsOf(checkBody('es', response.body!) as object)]).toEqual([200, ['signed']]);
  });

  it('never rejects, even when the answer cannot be written', async () => {
    const { app, logger } = testApp();
    await expect(new WebhookClient({ request: { body: es() }, response: {}, app }).handleRequest((agent) => agent.add('Hi'))).resolves.toBeUndefined();
    expect(logger.records).toContainEqual(expect.objectContaining({ level: 'error', message: expect.stringContaining('neither setHeader()') }));
    const sent = new RecordingResponse();
    sent.headersSent = true;
    await new WebhookClient({ request: { body: es() }, response: sent, app }).handleRequest((agent) => agent.add('Hi'));
    expect(logger.records).toContainEqual(expect.objectContaining({ level: 'warn', message: expect.stringContaining('already sent') }));
  });

  it('agent.conv() says that Actions on Google is gone, as a coded error', async () => {
    const agent = new WebhookClient({ request: { body: es() }, response: new RecordingResponse() });
    expect(() => agent.conv()).toThrow(
      expect.objectContaining({ code: 'ERR_ACTIONS_ON_GOOGLE', message: expect.stringContaining('shut Conversational Actions down') }),
    );
    const { response } = await call(es(), (a) => void a.add(a.conv()));
    expect(textsOf(checkBody('es', response.body!) as object)).toEqual([apology]);
  });

  it('agent.end() sends the responses and warns once that ES v2 has no end-of-conversation field', async () => {
    const { response, logger } = await call(es(), (agent) => agent.end(['Goodbye', new Text('See you')]));
    expect(checkBody('es', response.body!)).not.toHaveProperty('triggerEndOfConversation');
    expect(textsOf(checkBody('es', response.body!) as object)).toEqual(['Goodbye', 'See you']);
    expect(logger.records.filter((r) => r.message.startsWith('agent.end()'))).toHaveLength(1);
  });

  it('throws coded errors for mistakes, as FulfillerErrors', () => {
    expect(() => new WebhookClient({} as never)).toThrow(InvalidArgumentError);
    expect(() => new Card({ title: '' })).toThrow(expect.objectContaining({ code: 'ERR_INVALID_RESPONSE' }));
    expect(() => new Card({ title: 'T', buttonText: 'Go' })).toThrow(expect.objectContaining({ message: expect.stringContaining('both a text and a url') }));
    expect(() => new Text({ text: 'x', platform: 'MYSPACE' as never })).toThrow(expect.objectContaining({ message: expect.stringContaining('FACEBOOK') }));
    expect(() => new Payload('SLACK', null as never)).toThrow(FulfillerError);
    expect(() => new Suggestion({ title: 'a' }).setReply(7 as never)).toThrow(expect.objectContaining({ message: expect.stringContaining('not a number') }));
  });

  it('names a handler the map does not hold as a function', async () => {
    const { response, logger } = await call(es(), new Map([['order.status', 'reply' as never]]));
    expect(textsOf(checkBody('es', response.body!) as object)).toEqual([apology]);
    expect(logger.records).toContainEqual(expect.objectContaining({ fields: expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }) }));
  });
});

/** A handler that counts its runs. */
function jestless(): { fn: RequestHandler; readonly calls: number } {
  let calls = 0;
  return {
    fn: () => void calls++,
    get calls() {
      return calls;
    },
  };
}
