import type { Fulfiller } from '../../src/index.js';
import { cxRequest, esRequest, expectReply, fakeClock, loadTestClient, testClient } from '../../src/testing/index.js';
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

  it('tells how each turn ended: answered, empty (a forgotten await), fallback, error, timeout, refused', async () => {
    const clock = fakeClock();
    const { app } = testApp({ clock, deadlineMs: 1000 });
    let late: Promise<void> = Promise.resolve();
    app.tag('answered', (turn) => void turn.say('Here it is.'));
    app.tag('forgot-await', (turn) => {
      late = new Promise((resolve) => setImmediate(resolve)).then(() => void turn.say('Too late.')); // not awaited: the answer goes out empty
    });
    app.tag('throws', () => {
      throw new Error('backend down');
    });
    app.tag('slow', (turn) => new Promise((resolve) => turn.signal.addEventListener('abort', resolve)));
    const client = testClient(app);
    const outcomes: Record<string, unknown> = {};
    for (const tag of ['answered', 'forgot-await', 'no-such-route', 'throws']) outcomes[tag] = (await client.send(cxRequest(tag))).outcome;
    await late;
    const slow = client.send(cxRequest('slow'));
    await clock.advance(1000);
    outcomes.slow = (await slow).outcome;
    outcomes.refused = (await client.exchange(JSON.parse(JSON.stringify({ ...cxRequest('answered').build(), languageCode: 42 })))).outcome; // 400: not a WebhookRequest
    expect(outcomes).toEqual({
      answered: 'answered',
      'forgot-await': 'empty',
      'no-such-route': 'fallback',
      throws: 'error',
      slow: 'timeout',
      refused: 'refused',
    });
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
