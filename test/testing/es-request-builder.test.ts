import { validateSchema } from '../../src/index.js';
import { esRequest, ES_TEST_AGENT } from '../../src/testing/index.js';

describe('esRequest', () => {
  it('builds a complete ES WebhookRequest for an intent', () => {
    const request = esRequest('order.status').build();
    expect(request).toMatchObject({
      responseId: 'test-response',
      session: `${ES_TEST_AGENT}/sessions/test-session`,
      queryResult: {
        languageCode: 'en',
        parameters: {},
        outputContexts: [],
        intent: { name: `${ES_TEST_AGENT}/intents/order-status`, displayName: 'order.status' },
      },
      originalDetectIntentRequest: { source: 'DIALOGFLOW_CONSOLE', payload: {} },
    });
    expect(validateSchema('es', 'request', request)).toEqual({ ok: true });
  });

  it('adds an action, parameters, contexts, session parameters, text, language and source', () => {
    const request = esRequest('return.create')
      .action('returns.create')
      .params({ order_number: 'A-1002' })
      .context('Awaiting_Items', { lifespan: 2, params: { order_number: 'A-1002' } })
      .context('awaiting_items', { lifespan: 3 })
      .sessionParams({ customer_id: '12345' })
      .text('the mouse')
      .language('ja')
      .source('facebook', { sender: 'x' })
      .session('s7')
      .build();
    expect(validateSchema('es', 'request', request)).toEqual({ ok: true });
    const session = `${ES_TEST_AGENT}/sessions/s7`;
    expect(request).toMatchObject({
      session,
      originalDetectIntentRequest: { source: 'facebook', payload: { sender: 'x' } },
      queryResult: {
        action: 'returns.create',
        queryText: 'the mouse',
        languageCode: 'ja',
        parameters: { order_number: 'A-1002' },
        outputContexts: [
          { name: `${session}/contexts/awaiting_items`, lifespanCount: 3 },
          { name: `${session}/contexts/fulfiller_session`, lifespanCount: 50, parameters: { customer_id: '12345' } },
        ],
      },
    });
  });

  it('never changes a builder: each step returns a new one', () => {
    const base = esRequest('a').params({ x: 1 });
    base.params({ y: 2 });
    expect(base.build().queryResult?.parameters).toEqual({ x: 1 });
  });
});
