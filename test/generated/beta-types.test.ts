import {
  validateSchema,
  type CxV3beta1ResponseMessage,
  type CxV3beta1WebhookRequest,
  type CxV3beta1WebhookResponse,
  type EsV2beta1WebhookRequest,
  type EsV2beta1WebhookResponse,
} from '../../src/index.js';

/** The beta versions' wire types come from the package root, beside the GA ones, and describe what their schemas take. */
describe('beta wire types', () => {
  it('type an ES v2beta1 request and response that the v2beta1 schemas accept', () => {
    const request: EsV2beta1WebhookRequest = {
      responseId: 'r-1',
      queryResult: { queryText: 'when do you open', knowledgeAnswers: { answers: [{ answer: '9 to 5', matchConfidenceLevel: 'HIGH', matchConfidence: 0.9 }] } },
      alternativeQueryResults: [{ queryText: 'when do you open' }],
    };
    const response: EsV2beta1WebhookResponse = {
      fulfillmentMessages: [{ telephonySynthesizeSpeech: { text: 'We open at nine.' }, platform: 'TELEPHONY' }],
      endInteraction: true,
      liveAgentHandoff: false,
    };
    expect(validateSchema('es', 'request', request, { version: 'v2beta1' })).toEqual({ ok: true });
    expect(validateSchema('es', 'response', response, { version: 'v2beta1' })).toEqual({ ok: true });
  });

  it('type a CX v3beta1 request and response that the v3beta1 schemas accept, without the v3-only responseType', () => {
    const request: CxV3beta1WebhookRequest = { detectIntentResponseId: 'd-1', dtmfDigits: '42#', fulfillmentInfo: { tag: 'pin' } };
    const message: CxV3beta1ResponseMessage = { text: { text: ['Thanks.'] } };
    // @ts-expect-error responseType exists in v3 only
    const v3Only: CxV3beta1ResponseMessage = { text: { text: ['a'] }, responseType: 'ENTRY_PROMPT' };
    const response: CxV3beta1WebhookResponse = { fulfillmentResponse: { messages: [message] } };
    expect(validateSchema('cx', 'request', request, { version: 'v3beta1' })).toEqual({ ok: true });
    expect(validateSchema('cx', 'response', response, { version: 'v3beta1' })).toEqual({ ok: true });
    expect(validateSchema('cx', 'response', { fulfillmentResponse: { messages: [v3Only] } }, { version: 'v3beta1' }).ok).toBe(false);
  });
});
