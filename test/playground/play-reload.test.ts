/**
 * Live reload: the app runs in a process of its own that starts again when a file under the
 * app's folder changes; the conversation goes on (the page keeps it); a module that fails to
 * load, or a handler that ends its process, is reported, and the playground stays up.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PlayState } from '../../src/playground/view.js';
import { api, eventually, startPlayground, type Playground } from './support/playground.js';
import { ApiConversation, chatTexts } from './support/turns.js';

let dir: string;
let play: Playground;

/** The app module: says what lib/greeting.js holds, and counts the turns of the session. */
function writeApp(): void {
  writeFileSync(
    join(dir, 'app.js'),
    `import { greeting } from './lib/greeting.js';
export default (app) => {
  app.tag('hello', (turn) => {
    const count = (turn.params.number('count') ?? 0) + 1;
    turn.params.set('count', count);
    turn.say(\`\${greeting} (turn \${count})\`);
  });
  app.tag('exit', () => process.exit(3));
};
`,
  );
}

function writeGreeting(text: string): void {
  writeFileSync(join(dir, 'lib', 'greeting.js'), text);
}

async function generation(n: number, state: PlayState['app']['state']): Promise<PlayState> {
  return eventually(
    play,
    async () => {
      const { body } = await api<PlayState>(play, '/api/state');
      return body.app.generation >= n && body.app.state === state ? body : undefined;
    },
    `start ${n} of the app (${state})`,
  );
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'play-app-'));
  mkdirSync(join(dir, 'lib'));
  writeApp();
  writeGreeting("export const greeting = 'Hello';\n");
  play = await startPlayground(['--app', join(dir, 'app.js'), '--fixtures', join(dir, 'fixtures')]);
}, 30_000);
afterAll(() => play.stop());

describe('fulfiller play: live reload', () => {
  it('loads the app again when a file under its folder changes, and the conversation goes on', async () => {
    const conversation = new ApiConversation(play, 'cx');
    expect(chatTexts(await conversation.send({ tag: 'hello' }))).toEqual(['Hello (turn 1)']);
    const events = await fetch(`${play.base}/api/events?token=${play.token}`);
    const reader = events.body!.getReader();

    writeGreeting("export const greeting = 'Good morning';\n");
    await generation(2, 'ready');
    expect(chatTexts(await conversation.send({ tag: 'hello' }))).toEqual(['Good morning (turn 2)']);
    expect(play.output()).toContain('changed: lib/greeting.js; reloading the app');

    // The page hears of it on its event stream.
    let seen = '';
    while (!seen.includes('"generation":2,')) seen += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
  }, 30_000);

  it('shows a module that fails to load, stays up, and recovers when it is mended', async () => {
    writeGreeting('export const greeting = ;\n');
    const failed = await generation(3, 'failed');
    expect(failed.app.error?.message).toMatch(/Cannot load the app module .*app\.js: .*Unexpected token/);
    // Where: Node.js's own report of the syntax error, file and line, follows as the stack.
    const located = await eventually(
      play,
      async () => {
        const { body } = await api<PlayState>(play, '/api/state');
        return body.app.error?.stack?.includes('greeting.js:1') ? body.app.error.stack : undefined;
      },
      'the location of the syntax error',
    );
    expect(located).toContain('export const greeting = ;');

    const turn = await new ApiConversation(play, 'cx').send({ tag: 'hello' });
    expect(turn.problem?.code).toBe('ERR_APP_MODULE');
    expect(turn.problem?.message).toMatch(/^The app could not be loaded: /);
    expect((await fetch(`${play.url}`)).status).toBe(200);

    writeGreeting("export const greeting = 'Hello again';\n");
    await eventually(
      play,
      async () => {
        const { body } = await api<PlayState>(play, '/api/state');
        return body.app.state === 'ready' ? body : undefined;
      },
      'the mended app',
    );
    expect(chatTexts(await new ApiConversation(play, 'cx').send({ tag: 'hello' }))).toEqual(['Hello again (turn 1)']);
  }, 30_000);

  it('reports a handler that ends its process, and starts the app again for the next turn', async () => {
    const conversation = new ApiConversation(play, 'cx');
    const ended = await conversation.send({ tag: 'exit' });
    expect(ended.problem).toEqual({ code: 'ERR_APP_MODULE', message: expect.stringContaining("The app's process stopped (exit code 3)") });
    expect(chatTexts(await conversation.send({ tag: 'hello' }))).toEqual(['Hello again (turn 1)']);
  }, 30_000);
});
