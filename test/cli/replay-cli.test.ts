import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cxRequest } from '../../src/testing/index.js';
import { startCli, type CliProcess } from '../support/cli.js';
import { freePort, post, waitUntilUp } from '../support/http.js';
import { checkBody } from '../support/responses.js';
import { SAMPLE_APP, tempDir } from '../testing/support/sample.js';

/** Runs the CLI (TypeScript sources) and collects what it prints; `logLevel` of the app it loads. */
const cli = (args: string[], logLevel = 'info'): CliProcess =>
  startCli(args, { LOG_LEVEL: logLevel, FULFILLER_API_KEYS: '', FULFILLER_HMAC_SECRETS: '', FULFILLER_BASIC_AUTH: '' });

describe('fulfiller serve --record, then fulfiller replay', () => {
  it('records a conversation while serving, and replays it green in-process', async () => {
    const dir = tempDir('fulfiller-record-');
    const port = await freePort();
    const server = cli(['serve', '--app', SAMPLE_APP, '--port', String(port), '--record', dir]);
    try {
      await waitUntilUp(`http://127.0.0.1:${port}/healthz`, server.child, server.output);
      const first = cxRequest('count').session('live-42');
      for (const request of [first, first.params({ count: 1 })]) {
        const answer = await post(`http://127.0.0.1:${port}/webhook`, request.build());
        checkBody('cx', answer.text);
      }
    } finally {
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0); // the app closes, and with it the recorder writes what it has
    }
    expect(server.output()).toContain(`recording every answered call as a fixture in ${dir}`);
    const files = readdirSync(join(dir, 'cx'));
    expect(files).toEqual([expect.stringMatching(/^\d{8}-\d{6}-\d{3}-0001-count\.json$/)]);
    const recorded = JSON.parse(readFileSync(join(dir, 'cx', files[0]!), 'utf8')) as { name: string; turns: unknown[] };
    expect(recorded.name).toBe('count → count (recorded)');
    expect(JSON.stringify(recorded)).not.toContain('live-42');

    // The replayed app's own log lines would interleave with the report lines checked below.
    const replay = cli(['replay', dir, '--app', SAMPLE_APP, '--reporter', 'junit', '--out', join(dir, 'junit.xml')], 'silent');
    expect(await replay.exited).toBe(0);
    expect(replay.output()).toMatch(/\[1\/1\] ok {6}.*count\.json \(cx, 2 turns, \d+ ms\)\n1 fixture: 1 passed, 0 failed/);
    expect(readFileSync(join(dir, 'junit.xml'), 'utf8')).toContain('tests="1" failures="0" errors="0"');
  }, 60_000);

  it('exits 2 on a usage mistake and 1 when a fixture fails', async () => {
    const usage = cli(['replay', 'fixtures']);
    expect(await usage.exited).toBe(2);
    expect(usage.output()).toContain('usage: fulfiller replay');
    const missing = cli(['replay', 'no-such-file.json', '--app', SAMPLE_APP]);
    expect(await missing.exited).toBe(2);
    expect(missing.output()).toContain('Cannot read no-such-file.json: no such file or directory.');
  }, 60_000);
});
