import { describeMismatch, describeOutcome } from '../../src/testing/describe-outcome.js';
import { parseFixture } from '../../src/testing/parse-fixture.js';
import type { FixtureOutcome } from '../../src/testing/run-fixture.js';

const fixture = parseFixture(
  { turns: [{ request: { fulfillmentInfo: { tag: 'a' } } }, { request: { fulfillmentInfo: { tag: 'b' } } }, { request: { fulfillmentInfo: { tag: 'c' } } }] },
  'f.json',
);

describe('describeOutcome', () => {
  it('says nothing about a fixture that passed', () => {
    expect(describeOutcome({ fixture, passed: true, turns: [], skipped: 0, captured: new Map(), ms: 1 })).toEqual([]);
  });

  it('lists, per failing turn, what was expected and what came back, and the turns not run', () => {
    const outcome: FixtureOutcome = {
      fixture,
      passed: false,
      skipped: 1,
      captured: new Map(),
      ms: 3,
      turns: [
        { label: 'turn 1 (a)', request: {}, reply: undefined, mismatches: [], error: undefined, attempts: 1 },
        {
          label: 'turn 2 (b)',
          request: {},
          reply: undefined,
          error: undefined,
          attempts: 4,
          mismatches: [
            { what: 'params.return_number', expected: 'R-0001', actual: undefined, note: 'not set by the answer' },
            { what: 'texts', expected: ['I have created return R-0001 for order A-1002.'], actual: ['I have created return R-0002 for order A-1002.'] },
          ],
        },
      ],
    };
    expect(describeOutcome(outcome)).toEqual([
      '  turn 2 (b), 4 attempts',
      '    params.return_number: not set by the answer',
      '      expected: "R-0001"',
      '      actual:   (absent)',
      '    texts',
      '      expected: ["I have created return R-0001 for order A-1002."]',
      '      actual:   ["I have created return R-0002 for order A-1002."]',
      '  1 later turn not run',
    ]);
  });

  it('points at where two long texts part', () => {
    const lines = describeMismatch({
      what: 'response.fulfillmentText',
      expected: 'In 2026-10, account ACC-1 spent 37,000 yen in total.',
      actual: 'In 2026-09, account ACC-1 spent 39,500 yen in total.',
    });
    expect(lines.at(-1)).toBe('  from character 9: "10, account ACC-1 spent 37,000…" ≠ "09, account ACC-1 spent 39,500…"');
  });
});
