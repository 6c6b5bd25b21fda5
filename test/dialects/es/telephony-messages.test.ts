import { es, InvalidResponseError, validateSchema, type EsV2beta1WebhookResponse } from '../../../src/index.js';

describe('es telephony messages (v2beta1)', () => {
  const messages = [
    es.telephonyPlayAudio('gs://bucket/hello.wav'),
    es.telephonySynthesizeSpeech({ ssml: '<speak>Hello</speak>' }),
    es.telephonySynthesizeSpeech({ text: 'Hello' }, { platform: 'PLATFORM_UNSPECIFIED' }),
    es.telephonyTransferCall('+15551234567'),
  ];

  it('builds the v2beta1 wire messages, for the TELEPHONY platform unless told otherwise', () => {
    expect(messages).toEqual([
      { telephonyPlayAudio: { audioUri: 'gs://bucket/hello.wav' }, platform: 'TELEPHONY' },
      { telephonySynthesizeSpeech: { ssml: '<speak>Hello</speak>' }, platform: 'TELEPHONY' },
      { telephonySynthesizeSpeech: { text: 'Hello' } },
      { telephonyTransferCall: { phoneNumber: '+15551234567' }, platform: 'TELEPHONY' },
    ]);
  });

  it('makes a valid v2beta1 response, which v2 refuses', () => {
    const response: EsV2beta1WebhookResponse = { fulfillmentMessages: messages, endInteraction: true };
    expect(validateSchema('es', 'response', response, { version: 'v2beta1' })).toEqual({ ok: true });
    expect(validateSchema('es', 'response', { fulfillmentMessages: messages }).ok).toBe(false);
  });

  it('refuses a number that is not E.164 without repeating it', () => {
    const transfer = () => es.telephonyTransferCall('03-1234-9876');
    expect(transfer).toThrow(InvalidResponseError);
    expect(transfer).toThrow(
      'telephonyTransferCall.phoneNumber: is not an E.164 phone number: a + then the country code and number, at most 15 digits, no spaces or punctuation (like +15551234567)',
    );
    expect(transfer).not.toThrow(/9876/);
  });
});
