import type { Fulfiller } from '../../src/index.js';
import { cxRequest, esRequest, expectReply, loadTestClient, testClient } from '../../src/testing/index.js';
import { testApp } from '../support/app.js';
import { checkBody } from '../support/responses.js';
import { SAMPLE_APP, sampleApp } from './support/sample.js';

describe('the test client', () => {
  it('sends a request in-process and gives back what the user would see', async () => {
    const client = testClient(sampleApp().app);
    const reply = await client.send(cxRequest('greet').params({ name: 'Hanako' }));
    checkBody('cx', JSON.stringify(reply.body));
    expect(reply).toMatchObject({ status: 200, dialect: 'cx', texts: ['Hello, Hanako!'], text: 'Hello, Hanako!' });
    expect((await client.send(esRequest('count').build())).params).toEqual({ count: 1 });
  });

  it('carries the session from turn to turn in a conversation, as Dialogflow does', async () => {
    const client = testClient(sampleApp().app);
    const cx = client.conversation();
    for (const expected of ['Count 1.', 'Count 2.', 'Count 3.']) expect((await cx.send(cxRequest('count'))).text).toBe(expected);
    expect(cx.state.params).toEqual({ count: 3 });
    expect(cx.replies).toHaveLength(3);

    const es = client.conversation();
    await es.send(esRequest('contexts'));
    expect((await es.send(esRequest('count'))).params).toEqual({ count: 1 });
    expect(es.state.contexts.map((c) => [c.id, c.lifespanCount])).toEqual([
      ['awaiting', 1],
      ['fulfiller_session', 50],
    ]);
    expect((await client.send(cxRequest('count'))).text).toBe('Count 1.'); // send() alone carries nothing
  });

  it('checks an answer with the fixture expectations, and says what does not hold', async () => {
    const reply = await testClient(sampleApp().app).send(cxRequest('validate').form('customer_id', { value: '99999' }));
    expectReply(reply, { texts: ['Try again.'], form: { customer_id: 'INVALID' }, params: { customer_id: null } });
    expect(() => expectReply(reply, { textContains: 'Welcome' })).toThrow(
      'The answer does not meet the expectation:\n  textContains: not found in the texts\n    expected: "Welcome"\n    actual:   "Try again."',
    );
  });

  it('throws, naming the field, when the app answers with an invalid response', async () => {
    // An app behind a proxy that breaks its answers: the library's own app never sends one.
    const { app } = testApp();
    const broken = { options: app.options, handle: async () => ({ status: 200, headers: {}, body: '{"fulfillmentResponse":{"mergeBehavior":"SOMETIMES"}}' }) };
    await expect(testClient(broken as unknown as Fulfiller).send(cxRequest('any'))).rejects.toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_RESPONSE', path: 'fulfillmentResponse.mergeBehavior' }),
    );
  });

  it('loads an app module the way fulfiller serve does', async () => {
    const client = await loadTestClient(SAMPLE_APP);
    expect((await client.send(cxRequest('greet'))).text).toBe('Hello, there!');
    expect(client.app.options.mode).toBe('test');
  });
});
