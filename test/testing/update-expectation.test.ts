import { checkExpectation } from '../../src/testing/check-expectation.js';
import type { Expectation } from '../../src/testing/fixture.js';
import type { Reply } from '../../src/testing/reply.js';
import { updateExpectation } from '../../src/testing/update-expectation.js';

const reply: Reply = {
  dialect: 'cx',
  status: 200,
  body: { fulfillmentResponse: { messages: [{ text: { text: ['Count 2.'] } }] }, sessionInfo: { parameters: { count: 2 } } },
  texts: ['Count 2.'],
  text: 'Count 2.',
  params: { count: 2 },
  sessionReplaced: false,
  contexts: {},
  targetPage: undefined,
  targetFlow: 'projects/p/locations/l/agents/a/flows/next',
  form: {},
};
const update = (expect: Expectation | undefined, r: Reply = reply): Expectation => updateExpectation(expect, r, checkExpectation(expect, r));

describe('updateExpectation', () => {
  it('snapshots the whole answer when there was no expectation', () => {
    expect(update(undefined)).toEqual({ response: reply.body });
    expect(update({})).toEqual({ response: reply.body });
    expect(update(undefined, { ...reply, status: 401, body: { error: { code: 'ERR_UNAUTHENTICATED' } } })).toEqual({ status: 401 });
  });

  it('refreshes only what fails, and keeps what the designer wrote that still holds', () => {
    const before: Expectation = {
      textContains: ['Count', 'Total'],
      textMatches: '^Count \\d',
      params: { count: 1, other: null },
      targetPage: 'gone',
      targetFlow: 'next',
    };
    const after = update(before);
    expect(after).toEqual({ textContains: ['Count'], textMatches: '^Count \\d', params: { count: 2 }, targetFlow: 'next', texts: ['Count 2.'] });
    expect(checkExpectation(after, reply)).toEqual([]);
  });

  it('refreshes exact texts and a snapshot', () => {
    const after = update({ texts: ['Count 1.'], response: { fulfillmentResponse: {} } });
    expect(after).toEqual({ texts: ['Count 2.'], response: reply.body });
  });

  it('starts over from a snapshot when the status changed', () => {
    expect(update({ status: 500, texts: ['x'] })).toEqual({ response: reply.body });
  });

  it('refreshes ES contexts and form states, deleting what the answer no longer has', () => {
    const es: Reply = { ...reply, dialect: 'es', contexts: { a: { lifespanCount: 3, parameters: {} }, b: { lifespanCount: 0, parameters: {} } }, form: {} };
    expect(update({ contexts: { a: { lifespanCount: 1 }, b: {}, c: {} } }, es)).toEqual({ contexts: { a: { lifespanCount: 3, parameters: {} }, b: null } });
    expect(update({ form: { customer_id: 'INVALID' } })).toEqual({ form: {} });
  });
});
