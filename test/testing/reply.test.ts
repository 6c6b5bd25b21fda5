import { toReply } from '../../src/testing/reply.js';

const ok = (body: object) => ({ status: 200, headers: {}, body: JSON.stringify(body) });
const SESSION = 'projects/p/agent/sessions/s';

describe('toReply', () => {
  it('reads a CX answer: texts, parameters, transition and form', () => {
    const reply = toReply(
      'cx',
      {},
      ok({
        fulfillmentResponse: { messages: [{ text: { text: ['a', 'b'] } }, { payload: { x: 1 } }, { text: { text: ['c'] } }] },
        sessionInfo: { parameters: { n: 1, gone: null } },
        pageInfo: { formInfo: { parameterInfo: [{ displayName: 'customer_id', state: 'INVALID' }] } },
        targetPage: 'projects/p/locations/l/agents/a/flows/f/pages/next',
      }),
    );
    expect(reply).toMatchObject({ status: 200, texts: ['a', 'b', 'c'], text: 'a\nb\nc', params: { n: 1, gone: null }, form: { customer_id: 'INVALID' } });
    expect(reply.targetPage).toBe('projects/p/locations/l/agents/a/flows/f/pages/next');
  });

  it('reads an ES answer: the session context as parameters (null for those it dropped), other contexts by id', () => {
    const request = {
      queryResult: { outputContexts: [{ name: `${SESSION}/contexts/fulfiller_session`, lifespanCount: 40, parameters: { kept: 1, dropped: 2 } }] },
    };
    const reply = toReply(
      'es',
      request,
      ok({
        fulfillmentText: 'hi',
        fulfillmentMessages: [{ text: { text: ['hi'] } }],
        outputContexts: [
          { name: `${SESSION}/contexts/fulfiller_session`, lifespanCount: 50, parameters: { kept: 1, added: 3 } },
          { name: `${SESSION}/contexts/Awaiting`, lifespanCount: 2 },
        ],
      }),
    );
    expect(reply).toMatchObject({
      texts: ['hi'],
      params: { kept: 1, added: 3, dropped: null },
      sessionReplaced: true,
      contexts: { awaiting: { lifespanCount: 2, parameters: {} } },
    });
  });

  it('uses the legacy fulfillmentText when an ES answer has no text messages, and honours another session context name', () => {
    const reply = toReply('es', {}, ok({ fulfillmentText: 'legacy', outputContexts: [{ name: `${SESSION}/contexts/mine`, lifespanCount: 0 }] }), 'mine');
    expect(reply).toMatchObject({ texts: ['legacy'], params: {}, sessionReplaced: true, contexts: {} });
  });

  it('keeps an error answer as it is, with no texts', () => {
    const reply = toReply('cx', {}, { status: 400, headers: {}, body: '{"error":{"code":"ERR_INVALID_REQUEST"}}' });
    expect(reply).toMatchObject({ status: 400, body: { error: { code: 'ERR_INVALID_REQUEST' } }, texts: [], text: '' });
    expect(toReply('cx', {}, { status: 502, headers: {}, body: 'Bad gateway' }).body).toBeUndefined();
  });
});
