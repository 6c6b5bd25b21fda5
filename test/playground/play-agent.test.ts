/**
 * `fulfiller play --agent`: the agent's call sites, each marked handled (the app has a route
 * for it) and covered (a fixture in the fixtures folder sends it), and the form's choices
 * taken from the agent. The agents are real exports: a small ES one, and the demo's CX one.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AgentPicture, PlayState, SaveResult } from '../../src/playground/view.js';
import { api, startPlayground, type Playground } from './support/playground.js';
import { ApiConversation } from './support/turns.js';

const APP = 'test/playground/fixtures/showcase-app.js';

async function playing(agent: string, use: (play: Playground) => Promise<void>): Promise<void> {
  const play = await startPlayground(['--app', APP, '--agent', agent, '--fixtures', mkdtempSync(join(tmpdir(), 'play-agent-'))]);
  try {
    await use(play);
  } finally {
    await play.stop();
  }
}

describe('fulfiller play --agent', () => {
  it('lists the ES intents that call the webhook, handled or not, covered once a fixture sends them', async () => {
    await playing('test/playground/fixtures/showcase-es-agent', async (play) => {
      const state = await api<PlayState>(play, '/api/state');
      expect(state.body.choices).toMatchObject({
        source: 'agent',
        intents: ['echo', 'showcase', 'weather'],
        actions: ['weather.get'],
        events: { es: ['WELCOME'] },
      });
      const before = await api<AgentPicture>(play, '/api/agent');
      expect(before.body.intents).toEqual(['intent echo', 'intent showcase', 'intent weather']);
      expect(before.body.callSites.map(({ id, handled, covered }) => ({ id, handled, covered }))).toEqual([
        { id: 'intent echo', handled: true, covered: false },
        { id: 'intent showcase', handled: true, covered: false },
        { id: 'intent weather', handled: false, covered: false },
      ]);

      const conversation = new ApiConversation(play, 'es');
      await conversation.send({ intent: 'echo', text: 'hi' });
      expect((await api<SaveResult>(play, '/api/fixtures/save', { dialect: 'es', turns: conversation.history, name: 'echo', keep: [] })).status).toBe(200);
      const after = await api<AgentPicture>(play, '/api/agent');
      expect(after.body.callSites.find((s) => s.id === 'intent echo')?.covered).toBe(true);
    });
  }, 30_000);

  it('draws CX flows: pages, transitions, and the call sites of each page', async () => {
    await playing('demo/agent/cx', async (play) => {
      const picture = (await api<AgentPicture>(play, '/api/agent')).body;
      const returns = picture.flows.find((flow) => flow.name === 'Returns')!;
      const createReturn = '7899f068-355c-597e-a3af-276c16d5138b';
      expect(returns.pages.map((p) => p.name)).toEqual(['Start Page', 'Create Return', 'Eligible Items', 'End Flow']);
      expect(returns.pages.find((p) => p.id === createReturn)?.callSites).toEqual(['Returns › Create Return › route 1']);
      expect(returns.transitions).toContainEqual({ from: 'START_PAGE', to: createReturn, label: 'intent return.create' });
      expect(returns.transitions).toContainEqual({
        from: createReturn,
        to: 'END_FLOW',
        label: '$page.params.status = "FINAL"',
        callSite: 'Returns › Create Return › route 1',
      });
      // The showcase app has none of the demo's tags.
      expect(picture.callSites.every((s) => !s.handled)).toBe(true);
    });
  }, 30_000);

  it('refuses an agent it cannot read, saying why', async () => {
    await expect(startPlayground(['--app', APP, '--agent', 'no/such/agent.zip'])).rejects.toThrow(
      /Cannot read the agent export no\/such\/agent\.zip: there is no such file or folder/,
    );
  }, 30_000);

  it('says how to see the agent when none is given', async () => {
    const play = await startPlayground(['--app', APP]);
    try {
      const answer = await api<{ error: { code: string; message: string } }>(play, '/api/agent');
      expect(answer.status).toBe(404);
      expect(answer.body.error.message).toContain('--agent PATH');
    } finally {
      await play.stop();
    }
  }, 30_000);
});
