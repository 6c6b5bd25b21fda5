import { cx } from '../../src/index.js';
import { cxRequest } from '../../src/testing/index.js';
import { testApp } from '../support/app.js';
import { textsOf, validResponse } from '../support/responses.js';

const JSON_HEADERS = { 'content-type': 'application/json' };
const body = JSON.stringify(cxRequest('bye').build());

/** A handler that ends the conversation the way Dialogflow ignores: an endInteraction message, and a text with allowPlaybackInterruption. */
function register(app: ReturnType<typeof testApp>['app']): void {
  app.tag('bye', (turn) => {
    turn.message({ text: { text: ['Goodbye.'], allowPlaybackInterruption: true } });
    turn.message({ endInteraction: {} });
    turn.message(cx.text('See you.'));
  });
}

describe('output-only fields in a response (Dialogflow ignores them)', () => {
  it('are refused in development and tests, naming the field and what to do instead', async () => {
    const { app } = testApp();
    register(app);
    await expect(app.handle(body, JSON_HEADERS)).rejects.toMatchObject({
      code: 'ERR_OUTPUT_ONLY_FIELD',
      path: 'fulfillmentResponse.messages[0].text.allowPlaybackInterruption',
    });
  });

  it('name END_SESSION as the way to end the conversation', async () => {
    const { app } = testApp();
    app.tag('bye', (turn) => void turn.message({ endInteraction: {} }));
    await expect(app.handle(body, JSON_HEADERS)).rejects.toThrow(/END_SESSION/);
  });

  it('are dropped in production with a warning, and the rest of the answer is sent (never the apology)', async () => {
    const { app, logger } = testApp({ mode: 'production' });
    register(app);
    const answer = validResponse('cx', await app.handle(body, JSON_HEADERS));
    expect(textsOf(answer)).toEqual(['Goodbye.', 'See you.']);
    expect(answer.fulfillmentResponse?.messages).toEqual([{ text: { text: ['Goodbye.'] } }, { text: { text: ['See you.'] } }]);
    const warning = logger.records.find((r) => r.level === 'warn' && r.message.includes('output only'));
    expect(warning?.fields.removed).toEqual([
      'fulfillmentResponse.messages[0].text.allowPlaybackInterruption',
      'fulfillmentResponse.messages[1].endInteraction',
    ]);
  });
});
