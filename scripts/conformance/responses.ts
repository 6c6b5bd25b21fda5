/**
 * Every response the test suite produces, checked by Google's own parser: runs `jest` with
 * FULFILLER_CAPTURE_DIR set (test/support/responses.ts saves each response it validates), then
 * parses every saved CX and ES response strictly with ../shared/tools/pbjson.
 *
 *   npx tsx scripts/conformance/responses.ts [jest args...]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Oracle } from './oracle.js';
import { oracleAvailable, pbjsonScript, repoRoot } from './shared-dir.js';

async function main(): Promise<number> {
  if (!oracleAvailable()) return 0;
  const capture = mkdtempSync(path.join(tmpdir(), 'fulfiller-responses-'));
  try {
    const jest = spawnSync(process.execPath, ['--experimental-vm-modules', 'node_modules/jest/bin/jest.js', '--silent', ...process.argv.slice(2)], {
      cwd: repoRoot,
      env: { ...process.env, FULFILLER_CAPTURE_DIR: capture },
      stdio: 'inherit',
    });
    if (jest.status !== 0) {
      console.log('responses: the test suite failed, so its responses are not checked');
      return 1;
    }
    const oracle = new Oracle(pbjsonScript);
    let failures = 0;
    for (const [dialect, type] of [
      ['cx', 'cx.WebhookResponse'],
      ['es', 'es.WebhookResponse'],
    ] as const) {
      const dir = path.join(capture, dialect);
      if (!existsSync(dir)) {
        console.log(`FAIL no ${dialect} responses were captured: is test/support/responses.ts still used?`);
        failures++;
        continue;
      }
      const verdicts = await oracle.check(type, dir, false);
      const bad = [...verdicts].filter(([, ok]) => !ok).map(([file]) => file);
      for (const file of bad) console.log(`FAIL ${file} is rejected by Google's parser as ${type}`);
      failures += bad.length;
      console.log(
        `${type}: ${verdicts.size - bad.length}/${verdicts.size} distinct responses from the tests parse strictly (${readdirSync(dir).length} files)`,
      );
    }
    console.log(failures === 0 ? "responses: all accepted by Google's parser" : `responses: ${failures} failure(s)`);
    return failures === 0 ? 0 : 1;
  } finally {
    rmSync(capture, { recursive: true, force: true });
  }
}

process.exitCode = await main();
