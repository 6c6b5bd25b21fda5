import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILT_IN_MESSAGES, type EsIntentMessage, type EsWebhookRequest } from '../../../src/index.js';
import { esRequest, type EsRequestBuilder } from '../../../src/testing/index.js';
import { checkBody } from '../../support/responses.js';
import { FIXES, type Fix } from '../support/fixes.js';
import { recordedAnswers, runProgram, type Recorded } from '../support/program-answers.js';
import { userView, type Answer, type UserView } from '../support/user-view.js';

/**
 * Our own program written for dialogflow-fulfillment 0.6 (support/api-tour.cjs), which uses all
 * of its API, run on the same requests with the real library and with the compat module's
 * CommonJS entry: what the user gets must be the same, or differ by a fix the migration guide
 * lists. The old library's answers are kept in fixtures/api-tour.json, and checked against the
 * library itself on every run.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURE = path.join(here, '../fixtures/api-tour.json');
const GUIDE = path.join(here, '../../../docs/migrating-from-dialogflow-fulfillment.md');
const { fallback, apology } = BUILT_IN_MESSAGES.en!;

interface TourCase {
  name: string;
  request: EsWebhookRequest;
  /** The platform the request comes from: what Dialogflow shows is picked for it. */
  platform?: string;
  /** The fixes that explain a difference (none: the same). */
  fixes?: Fix[];
  /** What the compat module's answer shows, where it differs. */
  compat?: Partial<UserView>;
}

const request = (intent: string, change: (builder: EsRequestBuilder) => EsRequestBuilder = (b) => b): EsWebhookRequest =>
  change(
    esRequest(intent)
      .text('hi')
      .params({ city: 'Rome' })
      .context('old', { lifespan: 3, params: { x: 1 } })
      .context('keep', { lifespan: 3, params: { k: 'v' } }),
  ).build();
const from = (source: string) => (b: EsRequestBuilder) => b.source(source, { source });
const withoutSource = (r: EsWebhookRequest): EsWebhookRequest => {
  delete r.originalDetectIntentRequest;
  return r;
};
const withConsole = (r: EsWebhookRequest, messages: EsIntentMessage[]): EsWebhookRequest => {
  r.queryResult!.fulfillmentMessages = messages;
  return r;
};
const CONSOLE: EsIntentMessage[] = [
  { text: { text: ['From the console'] } },
  { card: { title: 'Console card', subtitle: 'sub', imageUri: 'https://example.com/c.png', buttons: [{ text: 'Open', postback: 'https://example.com' }] } },
  { image: { imageUri: 'https://example.com/i.png' } },
  { payload: { custom: true }, platform: 'SLACK' },
  { simpleResponses: { simpleResponses: [{ textToSpeech: 'Spoken' }] }, platform: 'ACTIONS_ON_GOOGLE' },
  {
    basicCard: { title: 'Basic', formattedText: 'text', buttons: [{ title: 'Go', openUriAction: { uri: 'https://example.com' } }] },
    platform: 'ACTIONS_ON_GOOGLE',
  },
  { suggestions: { suggestions: [{ title: 'Yes' }, { title: 'No' }] }, platform: 'ACTIONS_ON_GOOGLE' },
  { text: { text: ['For Facebook'] }, platform: 'FACEBOOK' },
];
const GOOGLE = 'ACTIONS_ON_GOOGLE';

const CASES: TourCase[] = [
  { name: 'text', request: request('text') },
  { name: 'texts', request: request('texts') },
  { name: 'texts on Facebook', request: request('texts', from('facebook')), platform: 'FACEBOOK' },
  { name: 'texts on the Assistant', request: request('texts', from('google')), platform: GOOGLE },
  { name: 'text with SSML', request: request('text with ssml') },
  { name: 'texts with SSML', request: request('texts with ssml') },
  { name: 'texts with SSML on the Assistant', request: request('texts with ssml', from('google')), platform: GOOGLE },
  { name: 'an empty text', request: request('empty text') },
  { name: 'cards', request: request('card') },
  { name: 'cards on Telegram', request: request('card', from('telegram')), platform: 'TELEGRAM' },
  { name: 'cards on the Assistant', request: request('card', from('google')), platform: GOOGLE },
  { name: 'images', request: request('image') },
  { name: 'images on the Assistant (a simple response first)', request: request('image', from('google')), platform: GOOGLE },
  { name: 'suggestions, merged', request: request('suggestions') },
  { name: 'suggestions on Slack', request: request('suggestions', from('slack')), platform: 'SLACK' },
  { name: 'suggestions on the Slack test bot', request: request('suggestions', from('slack_testbot')), platform: 'SLACK' },
  { name: 'suggestions on the Assistant', request: request('suggestions', from('google')), platform: GOOGLE },
  { name: 'responses for one platform, elsewhere', request: request('per platform') },
  { name: 'responses for one platform, on it', request: request('per platform', from('line')), platform: 'LINE' },
  { name: 'responses for one platform, on Slack', request: request('per platform', from('slack')), platform: 'SLACK' },
  {
    name: 'setPlatform(UNSPECIFIED)',
    request: request('platform set later'),
    fixes: ['unspecified-platform'],
    compat: { texts: ['unspecified', 'plain'] },
  },
  { name: 'setPlatform() on its platform', request: request('platform set later', from('viber')), platform: 'VIBER', fixes: ['unspecified-platform'] },
  { name: 'payloads on Facebook', request: request('payloads', from('facebook')), platform: 'FACEBOOK' },
  { name: 'payloads on Slack', request: request('payloads', from('slack')), platform: 'SLACK' },
  { name: 'payloads on the Assistant', request: request('payloads', from('google')), platform: GOOGLE },
  { name: 'payloads on Kik', request: request('payloads', from('kik')), platform: 'KIK' },
  { name: 'payloads from the console', request: request('payloads') },
  {
    name: 'a payload for no platform, on a request from no platform',
    request: withoutSource(request('payload for no platform')),
    fixes: ['unspecified-payload'],
    compat: { payload: { order: 'A-1003' } },
  },
  {
    name: 'two payloads for one platform',
    request: request('payload twice'),
    fixes: ['invalid-response'],
    compat: { status: 500, error: 'ERR_INVALID_RESPONSE' },
  },
  { name: 'contexts', request: request('contexts') },
  {
    name: 'a context without a lifespan',
    request: request('context without lifespan'),
    fixes: ['context-default-lifespan'],
    compat: {
      contexts: [
        { id: 'bare', lifespan: 5 },
        { id: 'later', lifespan: 5, parameters: { a: 1 } },
      ],
    },
  },
  { name: 'lifespans as text', request: request('lifespan as text') },
  {
    name: 'setContext({ lifespanCount: -1 })',
    request: request('lifespanCount trick'),
    fixes: ['set-context-lifespancount'],
    compat: { contexts: [{ id: 'old', lifespan: 0 }] },
  },
  { name: 'reading contexts', request: request('reading contexts') },
  {
    name: 'reading contexts in an environment',
    request: request('reading contexts', (b) => b.session('projects/test-project/agent/environments/draft/users/u-1/sessions/s-1')),
    fixes: ['context-names'],
    compat: { status: 200, contexts: [] },
  },
  {
    name: 'reading contexts in a region',
    request: request('reading contexts', (b) => b.session('projects/test-project/locations/europe-west1/agent/sessions/s-1')),
    fixes: ['context-names'],
    compat: { status: 200, contexts: [] },
  },
  { name: 'clearing contexts', request: request('clearing contexts') },
  { name: 'clearing all contexts', request: request('clear all') },
  { name: 'a followup event', request: request('followup') },
  { name: 'a followup event with parameters', request: request('followup with parameters') },
  { name: 'only a followup event', request: request('followup only'), fixes: ['no-messages'], compat: { followupEvent: { name: 'next-step' } } },
  { name: 'only contexts', request: request('contexts only'), fixes: ['no-messages'], compat: { status: 200, contexts: [{ id: 'awaiting', lifespan: 2 }] } },
  { name: 'nothing at all', request: request('nothing'), fixes: ['no-messages'], compat: { status: 200, texts: [] } },
  { name: 'an async handler', request: request('async') },
  { name: 'a handler returning a promise', request: request('promise') },
  { name: 'a promise not returned, after an answer', request: request('forgot to return') },
  {
    name: 'a promise not returned, nothing said',
    request: request('forgot to return, said nothing'),
    fixes: ['no-messages'],
    compat: { status: 200, texts: [] },
  },
  { name: 'a handler that throws', request: request('throws'), fixes: ['handler-error'], compat: { texts: [apology] } },
  { name: 'a handler that rejects', request: request('rejects'), fixes: ['handler-error'], compat: { texts: [apology] } },
  {
    name: 'agent.add() of something else',
    request: request('not a response'),
    fixes: ['invalid-response'],
    compat: { status: 500, error: 'ERR_INVALID_RESPONSE' },
  },
  { name: 'agent.end()', request: request('end') },
  { name: 'agent.conv()', request: request('conv'), fixes: ['conv'], compat: { texts: [apology] } },
  { name: 'the request fields', request: request('fields', (b) => b.action('fields.read').language('en-GB')) },
  { name: 'the request fields, from Slack', request: request('fields', from('slack_testbot')) },
  {
    name: 'the request fields, a source in the payload',
    request: request('fields', (b) => b.source('', { source: 'telegram' })),
  },
  {
    name: 'the request fields, with alternative results',
    request: { ...request('fields'), alternativeQueryResults: [{ queryText: 'hi' }] } as EsWebhookRequest,
  },
  { name: 'console messages', request: withConsole(request('console messages'), CONSOLE) },
  { name: 'console messages on Facebook', request: withConsole(request('console messages and more', from('facebook')), CONSOLE), platform: 'FACEBOOK' },
  { name: 'console messages on the Assistant', request: withConsole(request('console messages', from('google')), CONSOLE), platform: GOOGLE },
  {
    name: 'console quick replies',
    request: withConsole(request('console messages'), [{ text: { text: ['Choose'] } }, { quickReplies: { quickReplies: ['A', 'B'] } }]),
    fixes: ['console-quick-replies'],
    compat: { rich: [{ kind: 'quickReplies', content: { quickReplies: ['A', 'B'] } }] },
  },
  {
    name: 'a console payload for every platform',
    request: withConsole(request('console messages'), [{ text: { text: ['Data'] } }, { payload: { custom: true } }]),
    fixes: ['console-payload'],
    compat: { rich: [{ kind: 'payload', content: { custom: true } }] },
  },
  { name: 'an intent the map has no handler for', request: request('no default'), fixes: ['unmatched-intent'], compat: { texts: [fallback] } },
  { name: 'the map’s default handler', request: request('something else') },
  { name: 'one function for every intent', request: request('one function') },
];

let legacy: Recorded[];
let compat: Answer[];

beforeAll(() => {
  const requests = CASES.map((c) => c.request);
  const live = runProgram('api-tour.cjs', 'legacy', requests).map((answer, i) => ({ name: CASES[i]!.name, request: requests[i]!, answer }));
  legacy = recordedAnswers(FIXTURE, live);
  compat = runProgram('api-tour.cjs', 'compat', requests);
  // The recording is what dialogflow-fulfillment answers to these requests today.
  expect(legacy).toEqual(live);
}, 60_000);

describe('a program that uses all of dialogflow-fulfillment, with the library and with the compat module', () => {
  it.each(CASES.map((c, i) => [c.name, c, i] as const))('%s', (_name, c, i) => {
    const answer = compat[i]!;
    if (answer !== 'no answer' && answer.status === 200) checkBody('es', JSON.stringify(answer.body));
    const ours = userView(answer, c.platform);
    const theirs = userView(legacy[i]!.answer, c.platform);
    if (c.fixes === undefined) {
      expect(ours).toEqual(theirs);
    } else {
      expect(ours).not.toEqual(theirs);
      expect(ours).toMatchObject(c.compat ?? {});
    }
  });
});

describe('the differences', () => {
  it('are each shown by a case, and listed in the migration guide', () => {
    expect(new Set(CASES.flatMap((c) => c.fixes ?? []))).toEqual(new Set(Object.keys(FIXES)));
    const guide = readFileSync(GUIDE, 'utf8');
    expect(Object.keys(FIXES).filter((id) => !guide.includes(`| \`${id}\` |`))).toEqual([]);
  });
});
