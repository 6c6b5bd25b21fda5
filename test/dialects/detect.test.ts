import { detectDialect } from '../../src/dialects/detect.js';

describe('detectDialect', () => {
  it('recognises CX by its own fields', () => {
    expect(detectDialect({ detectIntentResponseId: 'x' })).toBe('cx');
    expect(detectDialect({ fulfillmentInfo: { tag: 't' } })).toBe('cx');
    expect(detectDialect({ sessionInfo: {} })).toBe('cx');
  });

  it('recognises ES by its own fields', () => {
    expect(detectDialect({ responseId: 'x', queryResult: {} })).toBe('es');
    expect(detectDialect({ queryResult: {} })).toBe('es');
  });

  it('refuses bodies with marks of both or of neither', () => {
    expect(() => detectDialect({})).toThrow(expect.objectContaining({ code: 'ERR_UNKNOWN_DIALECT', status: 400 }));
    expect(() => detectDialect({ queryResult: {}, fulfillmentInfo: {} })).toThrow(expect.objectContaining({ code: 'ERR_UNKNOWN_DIALECT' }));
    expect(() => detectDialect({ queryResult: null, text: 'hi' })).toThrow(expect.objectContaining({ code: 'ERR_UNKNOWN_DIALECT' }));
  });

  it('names an ES v1 request (the API Google shut down) and how to move the agent to v2', () => {
    const v1 = { id: 'r1', lang: 'en', sessionId: 's1', result: { action: 'a', metadata: { intentName: 'I' } }, originalRequest: {} };
    expect(() => detectDialect(v1)).toThrow(
      expect.objectContaining({ code: 'ERR_UNKNOWN_DIALECT', status: 400, message: expect.stringMatching(/ES v1.*API V2/) }),
    );
    expect(() => detectDialect({ result: {} })).toThrow(expect.objectContaining({ message: expect.stringContaining('Cannot tell') }));
  });
});
