import { cx, es, type Turn } from '../../src/index.js';
import { testApp } from '../support/app.js';
import { cxRequest, esRequest } from '../../src/testing/index.js';
import { JSON_HEADERS } from '../support/requests.js';
import { textsOf, validResponse } from '../support/responses.js';

/**
 * What a JavaScript caller gets for a wrong argument to a builder: an `ERR_INVALID_ARGUMENT`
 * naming the method and what it takes, thrown at the call, never a failure deep inside
 * ("text3 is not iterable") or a payload Dialogflow would reject. The value itself is never
 * quoted, only its kind: it may be what a user said.
 */
// biome-ignore lint/suspicious/noExplicitAny: these calls are what JavaScript (or `any`) lets through
type Loose = any;

/** Runs `call` on a turn of `dialect` inside a handler and returns what it threw. */
async function thrownBy(dialect: 'cx' | 'es', call: (turn: Loose) => unknown): Promise<{ code?: string; message?: string } | undefined> {
  const { app } = testApp();
  let thrown: { code?: string; message?: string } | undefined;
  const handler = (turn: Turn): void => {
    try {
      call(turn);
    } catch (error) {
      thrown = error as { code?: string; message?: string };
    }
    turn.say('still answered');
  };
  app.tag(/.*/, handler).intent(/.*/, handler);
  const request = dialect === 'cx' ? cxRequest('x').form('customer_id', { state: 'FILLED' }).build() : esRequest('x').build();
  expect(textsOf(validResponse(dialect as 'cx', await app.handle(JSON.stringify(request), JSON_HEADERS)))).toContain('still answered');
  return thrown === undefined ? undefined : { code: thrown.code, message: thrown.message };
}

const NOT_A_PROMISE = Promise.resolve('Your order is on its way.');

describe('builders given the wrong kind of argument', () => {
  it.each<[string, 'cx' | 'es', (turn: Loose) => unknown, string]>([
    ['say(42)', 'cx', (t) => t.say(42), 'turn.say() takes a string or an array of strings, not a number.'],
    ['say() with nothing', 'es', (t) => t.say(), 'turn.say() takes a string or an array of strings, not undefined.'],
    ['say(promise)', 'cx', (t) => t.say(NOT_A_PROMISE), 'turn.say() takes a string or an array of strings, not a Promise (did you forget await?).'],
    ['say([text, 7])', 'es', (t) => t.say(['a', 7]), 'turn.say(): item 1 is a number, not a string.'],
    [
      'say(text, "facebook")',
      'es',
      (t) => t.say('a', 'FACEBOOK'),
      'turn.say() takes where the message goes as an object ({ channel } on CX, { platform } on ES), not a string.',
    ],
    ['chips("a")', 'cx', (t) => t.chips('a'), 'turn.chips() takes an array of strings or { text, link?, imageUrl? } objects, not a string.'],
    ['chips([{ label }])', 'es', (t) => t.chips([{ label: 'x' }]), 'turn.chips(): item 0: text is undefined, not a string.'],
    ['card("title")', 'cx', (t) => t.card('Order'), 'turn.card() takes { title, subtitle?, text?, imageUrl?, imageAlt?, buttons? }, not a string.'],
    ['card({ title: 5 })', 'es', (t) => t.card({ title: 5 }), 'turn.card(): title is a number, not a string.'],
    ['card({ buttons: {} })', 'cx', (t) => t.card({ title: 't', buttons: {} }), 'turn.card(): buttons is an object, not an array.'],
    [
      'card({ buttons: [{ text }] })',
      'cx',
      (t) => t.card({ title: 't', buttons: [{ text: 'Open' }] }),
      'turn.card(): buttons[0]: link is undefined, not a string.',
    ],
    ['image({ url })', 'es', (t) => t.image({ url: 'https://x/y.png' }), 'turn.image(): alt is undefined, not a string.'],
    ['link({ url: 5 })', 'cx', (t) => t.link({ text: 'Docs', url: 5 }), 'turn.link(): url is a number, not a string.'],
    ['payload("x")', 'cx', (t) => t.payload('x'), 'turn.payload() takes a JSON object, not a string.'],
    ['payload([1])', 'es', (t) => t.payload([1]), 'turn.payload() takes a JSON object, not an array.'],
    ['webhookPayload(null)', 'cx', (t) => t.webhookPayload(null), 'turn.webhookPayload() takes a JSON object, not null.'],
    ['message("hi")', 'cx', (t) => t.message('hi'), 'turn.message() takes a ResponseMessage object (see the cx builders), not a string.'],
    ['message(42)', 'es', (t) => t.message(42), 'turn.message() takes an Intent.Message object (see the es builders), not a number.'],
    ['audio("hi")', 'cx', (t) => t.audio('hi'), 'turn.audio() takes { ssml } or { text }, not a string.'],
    ['audio({ ssml: 1 })', 'cx', (t) => t.audio({ ssml: 1 }), 'turn.audio(): ssml is a number, not a string.'],
    ['playAudio(5)', 'cx', (t) => t.playAudio(5), 'turn.playAudio() takes the audio URI as a string, not a number.'],
    [
      'transferCall(number)',
      'cx',
      (t) => t.transferCall(15551234567),
      'turn.transferCall() takes the phone number (E.164, like "+15551234567") as a string, not a number.',
    ],
    ['handoff("x")', 'cx', (t) => t.handoff('x'), 'turn.handoff() takes its metadata as a JSON object, not a string.'],
    ['success(1)', 'cx', (t) => t.success(1), 'turn.success() takes its metadata as a JSON object, not a number.'],
    ['transition("page")', 'cx', (t) => t.transition('confirm'), "turn.transition() takes { page, flow } (for example { page: 'confirm' }), not a string."],
    ['form.invalidate(5)', 'cx', (t) => t.form.invalidate(5), 'turn.form.invalidate() takes the parameter name as a string, not a number.'],
    ['form.setValue(name)', 'cx', (t) => t.form.setValue(7, 'x'), 'turn.form.setValue() takes the parameter name as a string, not a number.'],
    ['followupEvent(5)', 'es', (t) => t.followupEvent(5), 'turn.followupEvent() takes the event name as a string, not a number.'],
    ['followupEvent(e, "x")', 'es', (t) => t.followupEvent('e', 'x'), 'turn.followupEvent() takes its parameters as a JSON object, not a string.'],
    [
      'sessionEntity(t, "v")',
      'es',
      (t) => t.sessionEntity('size', 'large'),
      'turn.sessionEntity() takes the entities as an array of { value, synonyms? }, not a string.',
    ],
    [
      'sessionEntity(t, [{ value: 1 }])',
      'es',
      (t) => t.sessionEntity('size', [{ value: 1 }]),
      'turn.sessionEntity(): item 0: value is a number, not a string.',
    ],
    ['contexts.set(id, 5)', 'es', (t) => t.contexts.set('ctx', 5), 'turn.contexts.set() takes { lifespan, parameters? }, not a number.'],
    ['contexts.set(5, …)', 'es', (t) => t.contexts.set(5, { lifespan: 1 }), 'turn.contexts.set() takes the context id as a string, not a number.'],
    ['contexts.delete(null)', 'es', (t) => t.contexts.delete(null), 'turn.contexts.delete() takes the context id as a string, not null.'],
    ['defer(5, work)', 'cx', (t) => t.defer(5, async () => 1), 'turn.defer() takes the job key as a string, not a number.'],
    ['defer(key, result)', 'es', (t) => t.defer('report', 42), 'turn.defer() takes the work as a function (signal) => Promise, not a number.'],
  ])('%s', async (_name, dialect, call, message) => {
    expect(await thrownBy(dialect, call)).toEqual({ code: 'ERR_INVALID_ARGUMENT', message });
  });

  it.each<[string, () => unknown, string]>([
    ['cx.text(5)', () => (cx as Loose).text(5), 'cx.text() takes a string or an array of strings, not a number.'],
    ['cx.playAudio({})', () => (cx as Loose).playAudio({}), 'cx.playAudio() takes the audio URI as a string, not an object.'],
    ['cx.payload("x")', () => (cx as Loose).payload('x'), 'cx.payload() takes a JSON object, not a string.'],
    ['es.quickReplies("a")', () => (es as Loose).quickReplies('a'), 'es.quickReplies() takes an array of strings, not a string.'],
    ['es.suggestions([1])', () => (es as Loose).suggestions([1]), 'es.suggestions(): item 0 is a number, not a string.'],
    ['es.linkOutSuggestion(1, 2)', () => (es as Loose).linkOutSuggestion(1, 2), 'es.linkOutSuggestion() takes the destination name as a string, not a number.'],
    ['es.image("u")', () => (es as Loose).image('u'), 'es.image() takes an Intent.Message.Image object { imageUri, accessibilityText? }, not a string.'],
  ])('%s', (_name, call, message) => {
    expect(call).toThrow(expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT', message }));
  });

  it('leaves right arguments alone, as typed callers write them', async () => {
    expect(
      await thrownBy('cx', (t) => {
        t.say(['a', 'b'], { channel: 'web' }).chips(['Yes', { text: 'Docs', link: 'https://x' }]);
        t.card({ title: 'Order', buttons: [{ text: 'Open', link: 'https://x' }] }).image({ url: 'https://x/y.png', alt: 'y' });
        t.payload({ a: 1 }).audio({ ssml: '<speak>Hi</speak>' }).transition({ page: 'confirm' });
        t.form.invalidate('customer_id');
      }),
    ).toBeUndefined();
  });
});
