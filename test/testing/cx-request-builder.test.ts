import { validateSchema } from '../../src/index.js';
import { cxRequest, CX_TEST_AGENT } from '../../src/testing/index.js';

describe('cxRequest', () => {
  it('builds a complete CX WebhookRequest for a tag', () => {
    const request = cxRequest('order.status').build();
    expect(request).toEqual({
      detectIntentResponseId: 'test-response',
      languageCode: 'en',
      fulfillmentInfo: { tag: 'order.status' },
      pageInfo: { currentPage: `${CX_TEST_AGENT}/flows/00000000-0000-0000-0000-000000000000/pages/START_PAGE`, displayName: 'Start Page' },
      sessionInfo: { session: `${CX_TEST_AGENT}/sessions/test-session`, parameters: {} },
    });
    expect(validateSchema('cx', 'request', request)).toEqual({ ok: true });
  });

  it('adds parameters, an intent, text or an event, a language, a session, a page and form parameters', () => {
    const request = cxRequest()
      .tag('customer.validate')
      .params({ a: 1 })
      .params({ b: [1, 2] })
      .intent('Check Customer', { customer_id: 12345, when: { year: 2026 } })
      .text('it is 12345')
      .language('ja')
      .session('s9')
      .page('identify', 'Identify')
      .form('customer_id', { value: '12345' })
      .form('note')
      .payload({ channel: 'web' })
      .build();
    expect(validateSchema('cx', 'request', request)).toEqual({ ok: true });
    expect(request).toMatchObject({
      fulfillmentInfo: { tag: 'customer.validate' },
      text: 'it is 12345',
      languageCode: 'ja',
      payload: { channel: 'web' },
      sessionInfo: { session: `${CX_TEST_AGENT}/sessions/s9`, parameters: { a: 1, b: [1, 2], customer_id: '12345' } },
      intentInfo: {
        displayName: 'Check Customer',
        lastMatchedIntent: `${CX_TEST_AGENT}/intents/Check-Customer`,
        parameters: { customer_id: { originalValue: '12345', resolvedValue: 12345 }, when: { originalValue: '{"year":2026}', resolvedValue: { year: 2026 } } },
      },
      pageInfo: {
        currentPage: `${CX_TEST_AGENT}/flows/00000000-0000-0000-0000-000000000000/pages/identify`,
        displayName: 'Identify',
        formInfo: {
          parameterInfo: [
            { displayName: 'customer_id', required: true, state: 'FILLED', value: '12345' },
            { displayName: 'note', required: true, state: 'EMPTY' },
          ],
        },
      },
    });
    expect(cxRequest('x').text('hi').event('sys.no-match-default').build()).toMatchObject({ triggerEvent: 'sys.no-match-default' });
    expect(cxRequest('x').text('hi', { transcript: true }).build()).toMatchObject({ transcript: 'hi' });
    expect(cxRequest('x').event('e').text('hi').build().triggerEvent).toBeUndefined();
  });

  it('never changes a builder: each step returns a new one', () => {
    const base = cxRequest('order.status').params({ customer_id: '12345' });
    const japanese = base.language('ja');
    expect(base.build().languageCode).toBe('en');
    expect(japanese.build().languageCode).toBe('ja');
    const built = base.build();
    built.languageCode = 'fr';
    expect(base.build().languageCode).toBe('en');
  });

  it('keeps the agent of a full session name for intents', () => {
    const agent = 'projects/x/locations/eu/agents/y';
    expect(cxRequest('a').session(`${agent}/environments/e/sessions/s`).intent('I').build().intentInfo?.lastMatchedIntent).toBe(`${agent}/intents/I`);
  });
});
