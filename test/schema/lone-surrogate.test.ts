import { hasLoneSurrogate } from '../../src/schema/lone-surrogate.js';

const json = (value: unknown): string => JSON.stringify(value);

describe('hasLoneSurrogate', () => {
  it.each([
    ['plain text', { a: 'hello' }, false],
    ['an emoji (a surrogate pair)', { a: 'ok 👍' }, false],
    ['Japanese text', { a: '注文は準備中です' }, false],
    ['an escaped backslash before "ud800"', { a: '\\ud800' }, false],
    ['a control character escape', { a: '\u0001' }, false],
    ['a cut emoji: high surrogate alone', { a: '👍'.slice(0, 1) }, true],
    ['a low surrogate alone', { a: '👍'.slice(1) }, true],
    ['a high surrogate at the end of one string, low at the start of the next', { a: '👍'.slice(0, 1), b: '👍'.slice(1) }, true],
    ['two high surrogates', { a: '\ud83d\ud83d' }, true],
    ['a lone surrogate deep in a payload', { payload: { richContent: [[{ text: `x${'😀'.slice(0, 1)}` }]] } }, true],
  ])('%s → %s', (_name, value, expected) => {
    expect(hasLoneSurrogate(json(value))).toBe(expected);
  });
});
