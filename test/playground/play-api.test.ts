/**
 * What the playground's page is told about each turn, and what "Save as fixture" and "Run
 * fixtures" do, through its API over real HTTP against the built CLI: the chat as the user
 * would see it, the session between turns, the inspector's error and logs, and saved fixtures
 * that `fulfiller replay` runs green, with personal data masked alike in requests and answers.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MaskView, RunResult, SaveResult } from '../../src/playground/view.js';
import { api, SHOWCASE_APP, startShowcase, type Playground } from './support/playground.js';
import { ApiConversation, chatTexts } from './support/turns.js';

const APP = SHOWCASE_APP;
const APOLOGY = 'Sorry, the system is currently unavailable. Please try again later.';
let play: Playground;
let fixtures: string;

beforeAll(async () => void ({ play, fixtures } = await startShowcase()), 30_000);
afterAll(() => play.stop());

function replay(file: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, ['dist/lib/cli/main.js', 'replay', file, '--app', APP], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '', LOG_LEVEL: 'silent', FULFILLER_API_KEYS: '', FULFILLER_BASIC_AUTH: '', FULFILLER_HMAC_SECRETS: '' },
  });
  return { status: run.status, output: run.stdout + run.stderr };
}

describe('fulfiller play: a turn, as the page shows it', () => {
  it('draws every kind of CX message: text, card, chips, link, list, accordion, speech, handoff, transfer, the end', async () => {
    const view = await new ApiConversation(play, 'cx').send({ tag: 'showcase', text: 'show me everything' });
    expect(view.status).toBe(200);
    expect(view.checks).toEqual([]);
    const kinds = view.chat.map((item) =>
      item.kind === 'card' ? `card:${item.parts.map((p) => p.type).join('+')}` : item.kind === 'event' ? `event:${item.event}` : item.kind,
    );
    expect(kinds).toEqual([
      'text',
      'card:image+info+description+button',
      'card:chips',
      'card:button',
      'card:list+divider+list',
      'card:accordion',
      'audio',
      'event:handoff',
      'event:transfer-call',
      'event:end-interaction',
    ]);
    expect(view.chat).toContainEqual({ kind: 'audio', text: 'Your order ships tomorrow.', ssml: true });
    expect(view.chat).toContainEqual({ kind: 'event', event: 'transfer-call', label: 'Transfers the call', detail: '+15551234567' });
    expect(view.session.page).toBe('END_SESSION');
    expect(view.logs.map((l) => l.message)).toContain('turn answered');
  });

  it('draws ES platform messages, and shows the contexts the answer set with their lifespans', async () => {
    const conversation = new ApiConversation(play, 'es');
    const view = await conversation.send({ intent: 'showcase', text: 'show me' });
    expect(view.chat.map((item) => item.kind)).toEqual(['text', 'card', 'card', 'card']);
    expect(view.chat[1]).toMatchObject({
      kind: 'card',
      parts: [{ type: 'image' }, { type: 'info', title: 'Order A-1003' }, { type: 'button', text: 'Track the parcel' }],
    });
    expect(view.session.contexts).toEqual([{ id: 'awaiting_choice', lifespanCount: 2, parameters: { choice: 'none' }, change: 'set' }]);
    // The next turn carries the context in, one turn older, as Dialogflow does.
    const next = await conversation.send({ intent: 'echo', text: 'hello', params: { contact_name: 'Ichiro Tanaka' } });
    expect(next.sent).toMatchObject({ queryResult: { outputContexts: [{ name: expect.stringContaining('/contexts/awaiting_choice'), lifespanCount: 1 }] } });
    expect(next.session.params).toEqual([{ name: 'greeted', value: 'Ichiro Tanaka', change: 'set' }]);
  });

  it('shows the apology in the chat and the error with its stack in the inspector, never in the response', async () => {
    const view = await new ApiConversation(play, 'cx').send({ tag: 'boom', text: 'break it' });
    expect(chatTexts(view)).toEqual([APOLOGY]);
    expect(view.error).toMatchObject({ type: 'Error', message: 'the orders backend refused the connection', code: 'ERR_HANDLER_FAILED' });
    expect(view.error?.stack).toContain('showcase-app.js');
    expect(JSON.stringify(view.response)).not.toContain('showcase-app.js');
    expect(view.logs.some((l) => l.level === 'error' && l.message.startsWith('a handler failed'))).toBe(true);
  });

  it('says clearly when the request is over the body limit of the app', async () => {
    const view = await new ApiConversation(play, 'cx').send({ tag: 'echo', params: { note: 'x'.repeat(1_100_000) } });
    expect(view.status).toBe(413);
    expect(view.chat).toEqual([]);
    expect(view.problem).toEqual({ code: 'ERR_BODY_TOO_LARGE', message: 'The request body is larger than 1048576 bytes (option bodyLimit).' });
  });

  it('refuses what is not a turn, naming the field', async () => {
    const answer = await api<{ error: { code: string; message: string } }>(play, '/api/turn', { input: { dialect: 'dx', params: {} }, history: [] });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'ERR_PLAY_REQUEST', message: expect.stringContaining('input.dialect') });
  });
});

describe('fulfiller play: save as fixture, run fixtures', () => {
  it('saves a conversation that `fulfiller replay` runs green right away', async () => {
    const conversation = new ApiConversation(play, 'cx');
    await conversation.send({ tag: 'showcase', text: 'show me' });
    await conversation.send({ tag: 'echo', text: 'and now?' });
    const saved = await api<SaveResult>(play, '/api/fixtures/save', { dialect: 'cx', turns: conversation.history, name: 'cx/two-turns', keep: [] });
    expect(saved.status).toBe(200);
    expect(saved.body.result).toMatchObject({ passed: true, dialect: 'cx' });
    expect(saved.body.notes).toEqual([]);
    const document = JSON.parse(readFileSync(join(fixtures, 'cx', 'two-turns.json'), 'utf8'));
    expect(document.turns.map((t: { name: string }) => t.name)).toEqual(['showcase: "show me"', 'echo: "and now?"']);
    expect(document.turns[1].expect).toEqual({ texts: ['Hello nobody, you wrote: and now?'], params: { greeted: 'nobody' } });
    expect(replay(join(fixtures, 'cx', 'two-turns.json'))).toMatchObject({ status: 0, output: expect.stringContaining('1 fixture: 1 passed, 0 failed') });
  });

  it('masks personal data the same way in the requests and the expectations, and keeps what the designer keeps', async () => {
    const conversation = new ApiConversation(play, 'es');
    await conversation.send({ intent: 'echo', text: 'mail me at hanako@example.com', params: { contact_name: 'Hanako Sato' } });
    const masks = await api<MaskView[]>(play, '/api/fixtures/preview', { dialect: 'es', turns: conversation.history });
    expect(masks.body).toEqual([
      { value: 'Hanako Sato', mask: '[name]', kind: 'names', where: 'turn 1' },
      { value: 'hanako@example.com', mask: '[email]', kind: 'emails', where: 'turn 1' },
    ]);

    const masked = await api<SaveResult>(play, '/api/fixtures/save', { dialect: 'es', turns: conversation.history, name: 'es/masked', keep: [] });
    expect(masked.body.result.passed).toBe(true);
    const text = readFileSync(join(fixtures, 'es', 'masked.json'), 'utf8');
    expect(text).not.toContain('Hanako');
    expect(text).not.toContain('hanako@example.com');
    const document = JSON.parse(text);
    expect(document.request.queryResult.queryText).toBe('mail me at [email]');
    expect(document.expect.texts).toEqual(['Hello [name], you wrote: mail me at [email]']);
    expect(replay(join(fixtures, 'es', 'masked.json')).status).toBe(0);

    const kept = await api<SaveResult>(play, '/api/fixtures/save', { dialect: 'es', turns: conversation.history, name: 'es/kept', keep: ['Hanako Sato'] });
    expect(kept.body.result.passed).toBe(true);
    const keptDocument = JSON.parse(readFileSync(join(fixtures, 'es', 'kept.json'), 'utf8'));
    expect(keptDocument.expect.texts).toEqual(['Hello Hanako Sato, you wrote: mail me at [email]']);
    expect(replay(join(fixtures, 'es', 'kept.json')).status).toBe(0);
  });

  it('where masking changes what a turn asks, expects what the app answers to the masked request, and says so', async () => {
    const conversation = new ApiConversation(play, 'cx');
    const shown = await conversation.send({ tag: 'lookup', text: 'my orders', params: { contact_name: 'Hanako Sato' } });
    expect(chatTexts(shown)).toEqual(['Hanako Sato has 3 orders.']);
    const saved = await api<SaveResult>(play, '/api/fixtures/save', { dialect: 'cx', turns: conversation.history, name: 'cx/lookup', keep: [] });
    expect(saved.body.result.passed).toBe(true);
    expect(saved.body.notes).toEqual([
      'Turn 1 is saved with "Hanako Sato" masked, so it expects what the app answers to the masked request ("I know nobody called [name]."). Keep "Hanako Sato" unmasked to keep the answer you saw.',
    ]);
    expect(replay(join(fixtures, 'cx', 'lookup.json')).status).toBe(0);
  });

  it('runs the fixtures folder, with what did not hold', async () => {
    const conversation = new ApiConversation(play, 'cx');
    await conversation.send({ tag: 'echo', text: 'first' });
    await api(play, '/api/fixtures/save', { dialect: 'cx', turns: conversation.history, name: 'cx/to-break', keep: [] });
    const file = join(fixtures, 'cx', 'to-break.json');
    const document = JSON.parse(readFileSync(file, 'utf8'));
    document.expect.texts = ['Something else'];
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, JSON.stringify(document));
    const run = await api<RunResult>(play, '/api/fixtures/run', {});
    const broken = run.body.results.find((r) => r.file.endsWith('to-break.json'));
    expect(broken).toMatchObject({
      passed: false,
      turns: [{ mismatches: [{ what: 'texts', expected: ['Something else'], actual: ['Hello nobody, you wrote: first'] }] }],
    });
    expect(broken?.turns[0]?.mismatches[0]?.lines[0]).toBe('texts');
    expect(run.body.results.filter((r) => r.passed).length).toBe(run.body.results.length - 1);
  });
});
