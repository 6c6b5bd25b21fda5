import { captureFrom, fillCaptures, fillExpectation, placeholders } from '../../src/testing/captures.js';

describe('captures', () => {
  it("takes each pattern's first group, or its whole match, and names those that found nothing", () => {
    const { values, missing } = captureFrom({ number: 'return (R-\\d+)', whole: 'A-\\d+', none: 'Z-\\d+' }, 'I created return R-0007 for order A-1002.');
    expect(Object.fromEntries(values)).toEqual({ number: 'R-0007', whole: 'A-1002' });
    expect(missing).toEqual(['none']);
  });

  it('fills {{name}} in every string, and leaves unknown names as they are', () => {
    const captured = new Map([['n', 'R-1']]);
    expect(fillCaptures({ a: ['{{n}}', 'x {{ n }} y', '{{m}}'], b: 2 }, captured)).toEqual({ a: ['R-1', 'x R-1 y', '{{m}}'], b: 2 });
    expect(placeholders({ a: ['{{n}}', { b: 'x{{m}}' }] })).toEqual(['n', 'm']);
  });

  it('fills regular expressions so that the captured text matches literally', () => {
    const filled = fillExpectation({ textMatches: '^Item \\({{item}}\\)$', textContains: '{{item}}' }, new Map([['item', 'A.1+(b)']]));
    expect(filled).toEqual({ textMatches: '^Item \\(A\\.1\\+\\(b\\)\\)$', textContains: 'A.1+(b)' });
    expect(new RegExp(filled!.textMatches as string, 'u').test('Item (A.1+(b))')).toBe(true);
    expect(new RegExp(filled!.textMatches as string, 'u').test('Item (AX1+(b))')).toBe(false);
  });
});
