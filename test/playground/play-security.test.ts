/**
 * `fulfiller play` is safe by default: loopback only, a token per start that every request
 * must carry, no host name but its own, no other site's page, and fixture names that stay
 * inside the fixtures folder. Over real HTTP, against the built CLI.
 */
import { existsSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, SHOWCASE_APP, startPlayground, startShowcase, type Playground } from './support/playground.js';
import { ApiConversation } from './support/turns.js';

const APP = SHOWCASE_APP;
let play: Playground;
let fixtures: string;

beforeAll(async () => void ({ play, fixtures } = await startShowcase()), 30_000);
afterAll(() => play.stop());

/** A raw GET, so that the Host and Origin headers can be what an attacker's page would send. */
function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, play.base);
    const req = request(url, { headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('fulfiller play: who may use it', () => {
  it('listens on 127.0.0.1 and prints a URL with a token', () => {
    expect(play.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
    expect(play.output()).not.toContain('warning');
  });

  it('serves the page with the token, with a policy that allows nothing from elsewhere', async () => {
    const page = await get(`/?token=${play.token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(`/assets/${play.token}/page.js`);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect((await get(`/assets/${play.token}/page.js`)).status).toBe(200);
  });

  it.each([
    ['the page without a token', '/', {}],
    ['the page with a wrong token', '/?token=not-the-token', {}],
    ['an asset without the token', '/assets/x/page.js', {}],
    ['the API without the token', '/api/state', {}],
  ])('refuses %s with 403', async (_what, path, headers) => {
    const answer = await get(path, headers);
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('Open the URL that `fulfiller play` printed');
  });

  it('refuses a host name that is not its own (DNS rebinding), even with the token', async () => {
    const answer = await get(`/api/state?token=${play.token}`, { host: `evil.example:${new URL(play.base).port}` });
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body).error.code).toBe('ERR_PLAY_FORBIDDEN');
    expect((await get(`/api/state?token=${play.token}`, { host: `localhost:${new URL(play.base).port}` })).status).toBe(200);
  });

  it("refuses another site's page, even with the token", async () => {
    const answer = await get(`/api/state?token=${play.token}`, { origin: 'http://evil.example' });
    expect(answer.status).toBe(403);
    expect((await get(`/api/state?token=${play.token}`, { origin: play.base })).status).toBe(200);
  });
});

describe('fulfiller play: fixture names stay inside --fixtures DIR', () => {
  let turns: ApiConversation;
  beforeAll(async () => {
    turns = new ApiConversation(play, 'cx');
    await turns.send({ tag: 'showcase', text: 'show me' });
  });

  it.each(['../escaped', '/tmp/absolute', 'cx/../../escaped', 'a\\..\\b', '.hidden', ''])('refuses %j', async (name) => {
    const answer = await api<{ error: { code: string; message: string } }>(play, '/api/fixtures/save', { dialect: 'cx', turns: turns.history, name, keep: [] });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('ERR_FIXTURE_NAME');
    expect(answer.body.error.message).toContain('cx/order-status');
    expect(existsSync(join(fixtures, '..', 'escaped.json'))).toBe(false);
  });

  it('refuses a folder that is a link to elsewhere', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'play-outside-'));
    symlinkSync(outside, join(fixtures, 'linked'));
    const answer = await api<{ error: { code: string } }>(play, '/api/fixtures/save', {
      dialect: 'cx',
      turns: turns.history,
      name: 'linked/escaped',
      keep: [],
    });
    expect(answer.body.error.code).toBe('ERR_FIXTURE_NAME');
    expect(readdirSync(outside)).toEqual([]);
  });

  it('saves into a folder of its own, and will not overwrite a fixture unless asked', async () => {
    const first = await api<{ file: string }>(play, '/api/fixtures/save', { dialect: 'cx', turns: turns.history, name: 'cx/showcase', keep: [] });
    expect(first.status).toBe(200);
    expect(existsSync(join(fixtures, 'cx', 'showcase.json'))).toBe(true);
    const again = await api<{ error: { code: string } }>(play, '/api/fixtures/save', { dialect: 'cx', turns: turns.history, name: 'cx/showcase', keep: [] });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ERR_FIXTURE_EXISTS');
    const replaced = await api(play, '/api/fixtures/save', { dialect: 'cx', turns: turns.history, name: 'cx/showcase', keep: [], replace: true });
    expect(replaced.status).toBe(200);
  });
});

describe('fulfiller play: the command line', () => {
  it('exits 2 with the usage on a mistake', async () => {
    await expect(startPlayground([])).rejects.toThrow(/exited with 2[\s\S]*usage: fulfiller play/);
    await expect(startPlayground(['--app', APP, '--url', 'http://localhost:1/webhook'])).rejects.toThrow(/give either --app FILE/);
  });

  it('warns when --host exposes it beyond this machine', async () => {
    const exposed = await startPlayground(['--app', APP, '--host', '0.0.0.0']);
    try {
      expect(exposed.output()).toContain('warning: the playground listens on 0.0.0.0');
      expect(exposed.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
    } finally {
      await exposed.stop();
    }
  }, 30_000);
});
