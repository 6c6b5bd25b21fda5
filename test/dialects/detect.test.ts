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
});
