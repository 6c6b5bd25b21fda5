import { validateSchema, withoutOutputOnlyFields, type CxWebhookResponse } from '../../src/index.js';

describe('withoutOutputOnlyFields', () => {
  it('removes each output-only field and says where it was, leaving the input as it was', () => {
    const response: CxWebhookResponse = {
      fulfillmentResponse: {
        messages: [
          { text: { text: ['Goodbye'], allowPlaybackInterruption: true } },
          { outputAudioText: { ssml: '<speak>Goodbye</speak>', allowPlaybackInterruption: false } },
          { playAudio: { audioUri: 'gs://bucket/bye.wav', allowPlaybackInterruption: true } },
        ],
      },
      sessionInfo: { parameters: { done: true } },
    };
    const before = structuredClone(response);
    const { response: sent, removed } = withoutOutputOnlyFields('cx', response);
    expect(sent).toEqual({
      fulfillmentResponse: {
        messages: [
          { text: { text: ['Goodbye'] } },
          { outputAudioText: { ssml: '<speak>Goodbye</speak>' } },
          { playAudio: { audioUri: 'gs://bucket/bye.wav' } },
        ],
      },
      sessionInfo: { parameters: { done: true } },
    });
    expect(removed).toEqual([
      'fulfillmentResponse.messages[0].text.allowPlaybackInterruption',
      'fulfillmentResponse.messages[1].outputAudioText.allowPlaybackInterruption',
      'fulfillmentResponse.messages[2].playAudio.allowPlaybackInterruption',
    ]);
    expect(response).toEqual(before);
    expect(sent.sessionInfo).toBe(response.sessionInfo); // only what leads to a removed field is copied
    expect(validateSchema('cx', 'response', sent)).toEqual({ ok: true });
  });

  it('drops a message that had nothing else to say, in either spelling, and keeps the others in order', () => {
    const response = {
      fulfillmentResponse: {
        messages: [{ text: { text: ['Bye'] } }, { endInteraction: {} }, { mixed_audio: { segments: [] }, channel: 'phone' }, { knowledgeInfoCard: {} }],
      },
      targetPage: 'projects/p/locations/l/agents/a/flows/f/pages/END_SESSION',
    };
    const { response: sent, removed } = withoutOutputOnlyFields('cx', response, { version: 'v3beta1' });
    expect(sent).toEqual({
      fulfillmentResponse: { messages: [{ text: { text: ['Bye'] } }, { knowledgeInfoCard: {} }] },
      targetPage: 'projects/p/locations/l/agents/a/flows/f/pages/END_SESSION',
    });
    expect(removed).toEqual(['fulfillmentResponse.messages[1].endInteraction', 'fulfillmentResponse.messages[2].mixed_audio']);
    expect(validateSchema('cx', 'response', sent, { version: 'v3beta1' })).toEqual({ ok: true });
  });

  it('keeps a message whose other oneof member is still set', () => {
    const { response, removed } = withoutOutputOnlyFields('cx', { fulfillmentResponse: { messages: [{ text: { text: ['a'] }, endInteraction: {} }] } });
    expect(response).toEqual({ fulfillmentResponse: { messages: [{ text: { text: ['a'] } }] } });
    expect(removed).toEqual(['fulfillmentResponse.messages[0].endInteraction']);
  });

  it('returns the response itself when it has none, nulls and Struct contents included', () => {
    const response = {
      fulfillmentResponse: {
        messages: [{ text: { text: ['a'], allowPlaybackInterruption: null }, endInteraction: null }, { payload: { endInteraction: {} } }],
      },
      payload: { mixedAudio: 1 },
    };
    const result = withoutOutputOnlyFields('cx', response);
    expect(result.response).toBe(response);
    expect(result.removed).toEqual([]);
  });

  it('leaves anything but a response object alone, and ES responses, which have no output-only field', () => {
    for (const value of [null, 'x', [1], { fulfillmentResponse: [] }, { fulfillmentResponse: { messages: 'x' } }]) {
      expect(withoutOutputOnlyFields('cx', value)).toEqual({ response: value, removed: [] });
    }
    const es = { endInteraction: true, fulfillmentMessages: [{ telephonyTransferCall: { phoneNumber: '+15551234567' } }] };
    expect(withoutOutputOnlyFields('es', es, { version: 'v2beta1' })).toEqual({ response: es, removed: [] });
  });

  it('answers a response whose only issues are output-only fields with one that passes', () => {
    const response = { fulfillmentResponse: { messages: [{ endInteraction: {} }] }, sessionInfo: { parameters: { a: null } } };
    const check = validateSchema('cx', 'response', response);
    expect(check.ok === false && check.issues.every((issue) => issue.kind === 'output-only')).toBe(true);
    const { response: sent } = withoutOutputOnlyFields('cx', response);
    expect(sent).toEqual({ fulfillmentResponse: { messages: [] }, sessionInfo: { parameters: { a: null } } });
    expect(validateSchema('cx', 'response', sent)).toEqual({ ok: true });
  });
});
