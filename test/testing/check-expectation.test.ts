import { checkExpectation } from '../../src/testing/check-expectation.js';
import type { Reply } from '../../src/testing/reply.js';

function reply(overrides: Partial<Reply> = {}): Reply {
  const texts = overrides.texts ?? ['Your order A-1003 is on its way.', 'Anything else?'];
  return {
    dialect: 'cx',
    status: 200,
    body: { fulfillmentResponse: { messages: texts.map((t) => ({ text: { text: [t] } })) } },
    texts,
    text: texts.join('\n'),
    params: {},
    sessionReplaced: false,
    contexts: {},
    targetPage: undefined,
    targetFlow: undefined,
    form: {},
    ...overrides,
  };
}

const what = (expectation: Parameters<typeof checkExpectation>[0], r: Reply = reply()): string[] => checkExpectation(expectation, r).map((m) => m.what);

describe('checkExpectation', () => {
  it('expects status 200 by default, and reports only the status when it differs', () => {
    expect(what(undefined)).toEqual([]);
    const refused = reply({ status: 401, body: { error: { code: 'ERR_UNAUTHENTICATED' } }, texts: [] });
    expect(checkExpectation({ texts: ['x'] }, refused)).toEqual([{ what: 'status', expected: 200, actual: 401, note: '{"code":"ERR_UNAUTHENTICATED"}' }]);
    expect(what({ status: 401 }, refused)).toEqual([]);
  });

  it('compares texts exactly, in order', () => {
    expect(what({ texts: ['Your order A-1003 is on its way.', 'Anything else?'] })).toEqual([]);
    expect(what({ texts: ['Anything else?', 'Your order A-1003 is on its way.'] })).toEqual(['texts']);
  });

  it('finds parts and patterns in the texts, one mismatch per missing one', () => {
    expect(what({ textContains: ['A-1003', 'else?'], textMatches: '^Your order [A-Z]-\\d+' })).toEqual([]);
    expect(what({ textContains: ['A-1003', 'B-2000', 'C-3000'] })).toEqual(['textContains', 'textContains']);
    expect(checkExpectation({ textMatches: ['^Anything'] }, reply())[0]).toMatchObject({ expected: '^Anything', note: 'does not match the texts' });
  });

  it('checks parameters set (deep equality) and deleted (null)', () => {
    const r = reply({ params: { items: ['a', 'b'], draft: null } });
    expect(what({ params: { items: ['a', 'b'], draft: null } }, r)).toEqual([]);
    expect(checkExpectation({ params: { items: ['a'], other: null, missing: 1 } }, r)).toEqual([
      { what: 'params.items', expected: ['a'], actual: ['a', 'b'] },
      { what: 'params.other', expected: null, actual: undefined, note: 'should be deleted; the answer does not mention it' },
      { what: 'params.missing', expected: 1, actual: undefined, note: 'not set by the answer' },
    ]);
  });

  it('counts a parameter left out of a replaced ES session context as deleted', () => {
    const es = reply({ dialect: 'es', params: { kept: 1 }, sessionReplaced: true });
    expect(what({ params: { gone: null, kept: 1 } }, es)).toEqual([]);
    expect(what({ params: { kept: null } }, es)).toEqual(['params.kept']);
  });

  it('checks ES contexts: set with lifespan and parameters, or deleted', () => {
    const es = reply({ dialect: 'es', contexts: { awaiting: { lifespanCount: 2, parameters: { step: 1, x: 2 } }, old: { lifespanCount: 0, parameters: {} } } });
    expect(what({ contexts: { Awaiting: { lifespanCount: 2, parameters: { step: 1 } }, old: null } }, es)).toEqual([]);
    expect(what({ contexts: { awaiting: {} } }, es)).toEqual([]);
    expect(what({ contexts: { awaiting: { lifespanCount: 3 }, old: {}, other: null } }, es)).toEqual(['contexts.awaiting', 'contexts.old', 'contexts.other']);
  });

  it('matches a transition by full name or by its last id, and form states', () => {
    const r = reply({ targetPage: 'projects/p/locations/l/agents/a/flows/f/pages/confirm', form: { customer_id: 'INVALID' } });
    expect(what({ targetPage: 'confirm', form: { customer_id: 'INVALID' } }, r)).toEqual([]);
    expect(what({ targetPage: 'projects/p/locations/l/agents/a/flows/f/pages/confirm' }, r)).toEqual([]);
    expect(what({ targetPage: 'firm', targetFlow: 'f', form: { customer_id: 'FILLED' } }, r)).toEqual(['targetPage', 'targetFlow', 'form.customer_id']);
  });

  it('compares a snapshot field by field, ignoring key order', () => {
    const r = reply({ texts: ['hi'], body: { sessionInfo: { parameters: { a: 1 } }, fulfillmentResponse: { messages: [{ text: { text: ['hi'] } }] } } });
    expect(what({ response: { fulfillmentResponse: { messages: [{ text: { text: ['hi'] } }] }, sessionInfo: { parameters: { a: 1 } } } }, r)).toEqual([]);
    expect(checkExpectation({ response: { fulfillmentResponse: { messages: [{ text: { text: ['ho'] } }] } } }, r)).toEqual([
      { what: 'response.fulfillmentResponse.messages[0].text.text[0]', expected: 'ho', actual: 'hi' },
      { what: 'response.sessionInfo', expected: undefined, actual: { parameters: { a: 1 } } },
    ]);
  });
});
