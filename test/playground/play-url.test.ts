/**
 * `fulfiller play --url`: a webhook that runs elsewhere, called with the credentials replay
 * would send; one that is down, or that answers with a web page, is said so in plain words.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiKey, createFulfiller } from '../../src/index.js';
import type { PlayState, SaveResult } from '../../src/playground/view.js';
import { close, freePort, listen } from '../support/http.js';
import { api, startPlayground, type Playground } from './support/playground.js';
import { ApiConversation, chatTexts } from './support/turns.js';

const webhook = createFulfiller({ mode: 'test', env: {}, auth: apiKey({ keys: ['k-1'] }) });
webhook.tag('hello', (turn) => void turn.say('Hello from the webhook'));
let server: Server;
let url: string;

beforeAll(async () => {
  server = await webhook.listen(0, '127.0.0.1');
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/webhook`;
});
afterAll(async () => {
  await close(server);
  await webhook.close({ graceMs: 100 });
});

async function playing<T>(args: string[], use: (play: Playground) => Promise<T>): Promise<T> {
  const play = await startPlayground([...args, '--fixtures', mkdtempSync(join(tmpdir(), 'play-url-'))]);
  try {
    return await use(play);
  } finally {
    await play.stop();
  }
}

describe('fulfiller play --url', () => {
  it('talks to a running webhook with the credentials given, and replays saved fixtures against it', async () => {
    await playing(['--url', url, '--api-key', 'k-1'], async (play) => {
      const state = await api<PlayState>(play, '/api/state');
      expect(state.body.app).toMatchObject({ state: 'ready', kind: 'url', target: url });
      const conversation = new ApiConversation(play, 'cx');
      const view = await conversation.send({ tag: 'hello', text: 'hi' });
      expect(chatTexts(view)).toEqual(['Hello from the webhook']);
      expect(view.logs).toEqual([]);
      const saved = await api<SaveResult>(play, '/api/fixtures/save', { dialect: 'cx', turns: conversation.history, name: 'hello', keep: [] });
      expect(saved.body.result.passed).toBe(true);
    });
  }, 30_000);

  it("shows the webhook's refusal when the credentials are missing", async () => {
    await playing(['--url', url], async (play) => {
      const view = await new ApiConversation(play, 'cx').send({ tag: 'hello' });
      expect(view.status).toBe(401);
      expect(view.problem).toEqual({ code: 'ERR_UNAUTHENTICATED', message: 'Authentication required.' });
    });
  }, 30_000);

  it('says so when the webhook is down', async () => {
    const port = await freePort();
    await playing(['--url', `http://127.0.0.1:${port}/webhook`], async (play) => {
      const view = await new ApiConversation(play, 'cx').send({ tag: 'hello' });
      expect(view.status).toBe(502);
      expect(view.problem?.code).toBe('ERR_TARGET_UNREACHABLE');
      expect(view.problem?.message).toBe(`Cannot reach http://127.0.0.1:${port}/webhook: ECONNREFUSED. Is the webhook running, and is the URL right?`);
    });
  }, 30_000);

  it('says so when the URL answers with a web page', async () => {
    const page = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><h1>Welcome</h1>'));
    const base = await listen(page);
    try {
      await playing(['--url', `${base}/`], async (play) => {
        const view = await new ApiConversation(play, 'es').send({ intent: 'hello' });
        expect(view.problem).toEqual({
          code: 'ERR_WEBHOOK_NOT_JSON',
          message: `The webhook at ${base}/ answered 200 with text/html, not JSON: check that the URL is the webhook's own path (such as /webhook) and not a web page.`,
        });
      });
    } finally {
      await close(page);
    }
  }, 30_000);
});
