import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { runCommandLine } from '../../src/cli/run-cli.js';
import { createServer } from '../../src/index.js';
import { cxRequest, esRequest, fixtureDocument, writeFixture } from '../../src/testing/index.js';
import { close, freePort, listen } from '../support/http.js';
import { SAMPLE_APP, sampleApp, tempDir } from '../testing/support/sample.js';

/** `fulfiller replay …` in process: its exit code, and what it printed (stdout, then stderr). */
async function replay(args: string[], env: Record<string, string> = {}): Promise<{ code: unknown; lines: string[] }> {
  const lines: string[] = [];
  const errors: string[] = [];
  const code = await runCommandLine(['replay', ...args], {
    env,
    out: (line) => lines.push(...line.split('\n')),
    err: (line) => errors.push(...line.split('\n')),
  });
  return { code, lines: [...lines, ...errors] };
}

/** Progress lines without their timings. */
const progress = (lines: string[]): string[] => lines.filter((l) => l.startsWith('[')).map((l) => l.replace(/ \(([^)]*?)\d+ ms\)$/, ' ($1…)'));

async function fixtures(): Promise<string> {
  const dir = tempDir('fulfiller-replay-');
  await writeFixture(join(dir, 'cx', 'count.json'), fixtureDocument({ request: cxRequest('count'), expect: { texts: ['Count 1.'], params: { count: 1 } } }));
  // Each fixture gets a fresh app in-process, so this one counts from 1 again.
  await writeFixture(
    join(dir, 'cx', 'counting.json'),
    fixtureDocument([
      { request: cxRequest('count'), expect: { texts: ['Count 1.'] } },
      { request: cxRequest('count'), expect: { texts: ['Count 2.'] } },
    ]),
  );
  await writeFixture(join(dir, 'es', 'count.json'), esRequest('count').build() as never);
  return dir;
}

describe('fulfiller replay', () => {
  it('replays every fixture in-process, one line each, then a summary; exit code 0', async () => {
    const dir = await fixtures();
    const { code, lines } = await replay([dir, '--app', SAMPLE_APP]);
    expect(progress(lines)).toEqual([
      `[1/3] ok      ${dir}/cx/count.json (cx, …)`,
      `[2/3] ok      ${dir}/cx/counting.json (cx, 2 turns, …)`,
      `[3/3] ok      ${dir}/es/count.json (es, …)`,
    ]);
    expect(lines.at(-1)).toMatch(/^3 fixtures: 3 passed, 0 failed \(\d+\.\d s\)$/);
    expect(code).toBe(0);
  });

  it('shows a readable diff for a failing fixture and the reason for a broken one; exit code 1', async () => {
    const dir = await fixtures();
    await writeFixture(join(dir, 'cx', 'wrong.json'), fixtureDocument({ request: cxRequest('greet'), expect: { texts: ['Hello, world!'] } }));
    writeFileSync(join(dir, 'cx', 'typo.json'), JSON.stringify({ request: cxRequest('greet').build(), expects: {} }));
    const { code, lines } = await replay([join(dir, 'cx'), '--app', SAMPLE_APP]);
    expect(code).toBe(1);
    expect(lines).toEqual(
      expect.arrayContaining([
        `[3/4] FAIL    ${dir}/cx/typo.json`,
        `  ${dir}/cx/typo.json: expects: is not part of the fixture format: did you mean "expect"?`,
        '  greet',
        '    texts',
        '      expected: ["Hello, world!"]',
        '      actual:   ["Hello, there!"]',
      ]),
    );
    expect(lines.at(-1)).toMatch(/^4 fixtures: 2 passed, 2 failed/);
  });

  it('--update snapshots a plain request next to it; the snapshot then fails when the request changes', async () => {
    const dir = tempDir('fulfiller-replay-');
    const file = join(dir, 'greet.json');
    writeFileSync(file, JSON.stringify(cxRequest('greet').params({ name: 'Hanako' }).build()));
    const updated = await replay([file, '--app', SAMPLE_APP, '--update']);
    expect(progress(updated.lines)).toEqual([`[1/1] updated ${file} (cx, …)`]);
    expect(updated.lines.at(-1)).toMatch(/^1 fixture: 1 passed, 0 failed, 1 updated/);
    expect(JSON.parse(readFileSync(join(dir, 'greet.expect.json'), 'utf8'))).toEqual({
      response: { fulfillmentResponse: { messages: [{ text: { text: ['Hello, Hanako!'] } }] } },
    });
    expect((await replay([file, '--app', SAMPLE_APP])).code).toBe(0);
    expect(progress((await replay([file, '--app', SAMPLE_APP, '--update'])).lines)).toEqual([`[1/1] ok      ${file} (cx, …)`]);

    writeFileSync(file, JSON.stringify(cxRequest('greet').params({ name: 'Taro' }).build()));
    const changed = await replay([file, '--app', SAMPLE_APP]);
    expect(changed.code).toBe(1);
    expect(changed.lines).toContain('    response.fulfillmentResponse.messages[0].text.text[0]');
  });

  it('writes a JUnit report with --reporter junit --out', async () => {
    const dir = await fixtures();
    const out = join(dir, 'reports', 'replay.xml');
    const { code, lines } = await replay([dir, '--app', SAMPLE_APP, '--reporter', 'junit', '--out', out]);
    expect(code).toBe(0);
    expect(lines.at(-1)).toBe(`JUnit report: ${out}`);
    const xml = readFileSync(out, 'utf8');
    expect(xml).toMatch(/<testsuites name="fulfiller replay" tests="3" failures="0" errors="0" time="[\d.]+">/);
    expect(xml.match(/<testcase /g)).toHaveLength(3);
  });

  describe('over HTTP', () => {
    const secret = `whsec_${randomBytes(24).toString('base64')}`;
    let server: Server;
    let url: string;
    beforeAll(async () => {
      server = createServer(sampleApp({ env: { FULFILLER_API_KEYS: 'key-1', FULFILLER_HMAC_SECRETS: secret } }).app);
      url = `${await listen(server)}/webhook`;
    });
    afterAll(() => close(server));

    it('sends the credentials of the environment (the first API key, or an HMAC signature) or of the flags', async () => {
      const dir = tempDir('fulfiller-replay-');
      await writeFixture(join(dir, 'greet.json'), fixtureDocument({ request: cxRequest('greet'), expect: { texts: ['Hello, there!'] } }));
      expect((await replay([dir, '--url', url], { FULFILLER_API_KEYS: 'key-1,key-2' })).code).toBe(0);
      expect((await replay([dir, '--url', url], { FULFILLER_HMAC_SECRETS: secret })).code).toBe(0);
      expect((await replay([dir, '--url', url, '--api-key', 'key-1'])).code).toBe(0);
      expect((await replay([dir, '--url', url, '--hmac-secret', secret])).code).toBe(0);

      const refused = await replay([dir, '--url', url, '--api-key', 'wrong']);
      expect(refused.code).toBe(1);
      expect(refused.lines).toEqual(
        expect.arrayContaining([
          '    status: {"code":"ERR_UNAUTHENTICATED","message":"Authentication required."}',
          '      expected: 200',
          '      actual:   401',
        ]),
      );
    });

    it('reports a webhook that is not there as the failure of each fixture', async () => {
      const dir = tempDir('fulfiller-replay-');
      await writeFixture(join(dir, 'greet.json'), fixtureDocument({ request: cxRequest('greet') }));
      const nowhere = `http://127.0.0.1:${await freePort()}/webhook`;
      const { code, lines } = await replay([dir, '--url', nowhere]);
      expect(code).toBe(1);
      expect(lines).toContain(`    Cannot reach ${nowhere}: ECONNREFUSED. Is the webhook running, and is the URL right?`);
    });
  });

  it.each([
    [[], /give at least one fixture/],
    [['fixtures'], /either --app FILE .* or --url URL/],
    [['fixtures', '--app', 'a.js', '--url', 'http://x'], /either --app/],
    [['fixtures', '--url', 'localhost:8080'], /--url must be an http\(s\) URL/],
    [['fixtures', '--app', 'a.js', '--reporter', 'tap', '--out', 'x'], /the reporter is junit/],
    [['fixtures', '--app', 'a.js', '--reporter', 'junit'], /--reporter junit and --out FILE go together/],
    [['fixtures', '--app', 'a.js', '--basic', 'nocolon'], /--basic takes USER:PASSWORD/],
    [['fixtures', '--app', 'a.js', '--verbose'], /^fulfiller replay: unknown option --verbose$/],
    [['fixtures', '--app', 'a.js', '--updat'], /^fulfiller replay: unknown option --updat: did you mean --update\?$/],
    [['fixtures', '--app'], /^fulfiller replay: --app needs a value$/],
  ])('exits 2 with the usage on %j', async (args, message) => {
    const { code, lines } = await replay(args);
    expect(code).toBe(2);
    expect(lines[0]).toMatch(message);
    expect(lines[1]).toMatch(/^usage: fulfiller replay/);
  });

  it('exits 2 when there is nothing to replay, or a path does not exist', async () => {
    const dir = tempDir('fulfiller-replay-');
    expect(await replay([dir, '--app', SAMPLE_APP])).toEqual({ code: 2, lines: [`fulfiller replay: Cannot read ${dir}: no fixtures (.json files) there.`] });
    const missing = join(dir, 'missing.json');
    expect(await replay([missing, '--app', SAMPLE_APP])).toEqual({ code: 2, lines: [`fulfiller replay: Cannot read ${missing}: no such file or directory.`] });
  });
});
