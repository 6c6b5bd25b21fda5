import { createFulfiller, es, MemoryLogger, validateSchema, type EsWebhookRequest } from '../../src/index.js';
import { cxRequest as buildCx, testClient } from '../../src/testing/index.js';
import { compileSnippets } from '../support/compile.js';
import { cxRequest, esRequest } from '../../src/testing/index.js';

/**
 * The API version an app speaks (`apiVersion`): requests and responses checked against that
 * version's schemas, the beta-only messages and fields on the turn, and the typing that lets a
 * handler send them only in an app that speaks the beta version. And what the turn reads that
 * the field asked for: DTMF, a triggered intent, the phone gateway's caller id, sentiment.
 */
const quiet = { mode: 'test' as const, env: {}, logger: new MemoryLogger() };

function knowledgeRequest(): EsWebhookRequest {
  const request = esRequest('faq').action('faq').build() as EsWebhookRequest & { queryResult: Record<string, unknown> };
  request.queryResult.knowledgeAnswers = { answers: [{ source: 'kb/doc-1', faqQuestion: 'Opening hours?', answer: '9 to 5', matchConfidence: 0.9 }] };
  request.originalDetectIntentRequest = { source: 'GOOGLE_TELEPHONY', payload: { telephony: { caller_id: '+15551234567' } } };
  return request;
}

describe('an app that speaks ES v2beta1', () => {
  it('sends the telephony messages, live-agent handoff and end of interaction, checked by the v2beta1 schema', async () => {
    const app = createFulfiller({ ...quiet, apiVersion: { es: 'v2beta1' } });
    app.action('faq', (turn) => {
      turn.say(turn.knowledgeAnswers[0]?.answer ?? 'no answer');
      turn.message(es.telephonySynthesizeSpeech({ ssml: '<speak>Transferring you.</speak>' }));
      turn.message(es.telephonyTransferCall(turn.callerId ?? '+15550000000'));
      turn.liveAgentHandoff().endInteraction();
    });
    const reply = await testClient(app).send(knowledgeRequest());
    expect(reply.texts).toEqual(['9 to 5']);
    expect(reply.body).toMatchObject({
      liveAgentHandoff: true,
      endInteraction: true,
      fulfillmentMessages: expect.arrayContaining([{ telephonyTransferCall: { phoneNumber: '+15551234567' }, platform: 'TELEPHONY' }]),
    });
    expect(validateSchema('es', 'response', reply.body, { version: 'v2beta1' })).toEqual({ ok: true });
    expect(app.options.apiVersion).toEqual({ cx: 'v3', es: 'v2beta1' });
  });

  it('is refused by the GA schema: an app that speaks v2 cannot send them (test mode throws, naming the field)', async () => {
    const app = createFulfiller(quiet);
    app.action('faq', (turn) => void turn.message(es.telephonyTransferCall('+15551234567') as never));
    await expect(app.handle(JSON.stringify(knowledgeRequest()), { 'content-type': 'application/json' })).rejects.toMatchObject({
      code: 'ERR_INVALID_RESPONSE',
      path: 'fulfillmentMessages[0].telephonyTransferCall',
    });
  });
});

describe('an app that speaks CX v3beta1', () => {
  it('checks requests and answers with the v3beta1 schemas', async () => {
    const app = createFulfiller({ ...quiet, apiVersion: { cx: 'v3beta1' } });
    app.tag('hello', (turn) => void turn.message({ text: { text: ['beta hello'] } }));
    const reply = await testClient(app).send(cxRequest('hello').build());
    expect(reply.texts).toEqual(['beta hello']);
    expect(app.options.schemaVersions.cx).toEqual({ version: 'v3beta1' });
    const bad = await app.handle(JSON.stringify({ ...cxRequest('hello').build(), languageCode: 7 }), { 'content-type': 'application/json' });
    expect(JSON.parse(bad.body).error).toMatchObject({ code: 'ERR_INVALID_REQUEST', path: 'languageCode' });
  });

  it('refuses a version that does not exist', () => {
    expect(() => createFulfiller({ ...quiet, apiVersion: { cx: 'v4' as never } })).toThrow(/apiVersion\.cx must be 'v3' or 'v3beta1'/);
  });
});

describe('what a turn reads besides the text', () => {
  it('reads CX DTMF digits and finish digit, a triggered intent, the caller id and sentiment', async () => {
    const app = createFulfiller(quiet);
    app.tag('read', (turn) => {
      turn.say(
        JSON.stringify({ dtmf: turn.dtmf ?? null, intent: turn.triggerIntent ?? null, caller: turn.callerId ?? null, sentiment: turn.sentiment ?? null }),
      );
    });
    const client = testClient(app);
    const dtmf = await client.send(
      buildCx('read')
        .dtmf('1234#')
        .payload({ telephony: { caller_id: '+15551234567' } }),
    );
    expect(JSON.parse(dtmf.text)).toEqual({ dtmf: { digits: '1234', finishDigit: '#' }, intent: null, caller: '+15551234567', sentiment: null });
    const intent = await client.send(buildCx('read').triggerIntent('projects/p/locations/global/agents/a/intents/i-1'));
    expect(JSON.parse(intent.text).intent).toBe('projects/p/locations/global/agents/a/intents/i-1');
    const feeling = await client.send({ ...buildCx('read').dtmf('42').build(), sentimentAnalysisResult: { score: -0.6, magnitude: 1.2 } });
    expect(JSON.parse(feeling.text)).toMatchObject({ dtmf: { digits: '42' }, sentiment: { score: -0.6, magnitude: 1.2 } });
  });

  it('reads ES sentiment and the caller id', async () => {
    const app = createFulfiller(quiet);
    app.action('faq', (turn) => void turn.say(`${turn.callerId} ${turn.sentiment?.score}`));
    const request = knowledgeRequest() as EsWebhookRequest & { queryResult: Record<string, unknown> };
    request.queryResult.sentimentAnalysisResult = { queryTextSentiment: { score: 0.8, magnitude: 0.8 } };
    expect((await testClient(app).send(request)).texts).toEqual(['+15551234567 0.8']);
  });
});

const compiled = compileSnippets({
  betaTyped: `
    import { createFulfiller, es } from 'dialogflow-fulfiller';
    const app = createFulfiller({ apiVersion: { es: 'v2beta1' } });
    app.action('x', (turn) => { turn.message(es.telephonyTransferCall('+15551234567')).liveAgentHandoff().endInteraction(); });
    const typed = createFulfiller<{ es: 'v2beta1'; tag: 'a' }>({ apiVersion: { es: 'v2beta1' } });
    typed.action('x', (turn) => void turn.message(es.telephonyPlayAudio('gs://b/a.wav')));
    typed.tag('a', (turn) => { const caller: string | undefined = turn.queryPayload?.telephony?.caller_id; turn.say(caller ?? turn.dtmf?.digits ?? ''); });
  `,
  gaRefusesTelephony: `
    import { createFulfiller, es } from 'dialogflow-fulfiller';
    createFulfiller().action('x', (turn) => void turn.message(es.telephonyTransferCall('+15551234567')));
  `,
  gaRefusesHandoff: `
    import { createFulfiller } from 'dialogflow-fulfiller';
    createFulfiller().action('x', (turn) => void turn.liveAgentHandoff());
  `,
  betaTypeNeedsTheOption: `
    import { createFulfiller } from 'dialogflow-fulfiller';
    createFulfiller<{ es: 'v2beta1' }>({});
  `,
  typedPayload: `
    import { createFulfiller } from 'dialogflow-fulfiller';
    const app = createFulfiller<{ payload: { store: { id: number } } }>();
    app.tag('x', (turn) => void turn.say(String(turn.queryPayload?.store.id.toFixed(0))));
  `,
});

describe('typing of the API version', () => {
  it('lets an app that speaks v2beta1 send its messages, typed from the option or the type', () => {
    expect(compiled.betaTyped).toEqual([]);
    expect(compiled.typedPayload).toEqual([]);
  });

  it('refuses beta messages and methods in an app typed for the GA version', () => {
    expect(compiled.gaRefusesTelephony!.join('\n')).toMatch(/EsV2beta1IntentMessage.*not assignable/s);
    expect(compiled.gaRefusesHandoff!.join('\n')).toContain('needs an app that speaks ES v2beta1');
    expect(compiled.betaTypeNeedsTheOption!.join('\n')).toMatch(/apiVersion/);
  });
});
