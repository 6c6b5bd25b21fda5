/**
 * The project's fixtures, checked by Google's own parser: every request in fixtures/ parses as a
 * WebhookRequest of its dialect (leniently: requests may carry undocumented fields), and every
 * full response snapshot parses strictly as a WebhookResponse.
 *
 *   npx tsx scripts/conformance/fixtures.ts
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadFixtures } from '../../src/testing/load-fixtures.js';
import { Oracle } from './oracle.js';
import { oracleAvailable, pbjsonScript, repoRoot } from './shared-dir.js';

async function main(): Promise<number> {
  if (!oracleAvailable()) return 0;
  const work = mkdtempSync(path.join(tmpdir(), 'fulfiller-fixtures-'));
  try {
    const loaded = await loadFixtures([path.join(repoRoot, 'fixtures')]);
    let failures = 0;
    const origin = new Map<string, string>();
    for (const item of loaded) {
      if ('error' in item) {
        console.log(`FAIL ${item.file}: ${item.error.message}`);
        failures++;
        continue;
      }
      const { fixture } = item;
      if (fixture.kind === 'endpoint') continue; // endpoint calls are not WebhookRequests: nothing for Google's parser
      fixture.turns.forEach((turn, i) => {
        const name = `${path.basename(fixture.file, '.json')}-${i + 1}.json`;
        for (const [kind, document] of [
          ['request', turn.request],
          ['response', turn.expect?.response],
        ] as const) {
          if (document === undefined) continue;
          const dir = path.join(work, `${fixture.dialect}-${kind}`);
          mkdirSync(dir, { recursive: true });
          writeFileSync(path.join(dir, name), JSON.stringify(document));
          origin.set(path.join(dir, name), `${fixture.file} turn ${i + 1} (${kind})`);
        }
      });
    }
    const oracle = new Oracle(pbjsonScript);
    for (const dialect of ['cx', 'es'] as const) {
      for (const kind of ['request', 'response'] as const) {
        const dir = path.join(work, `${dialect}-${kind}`);
        if (!existsSync(dir)) continue; // no documents of this kind
        const type = `${dialect}.Webhook${kind === 'request' ? 'Request' : 'Response'}`;
        const verdicts = await oracle.check(type, dir, kind === 'request');
        const bad = [...verdicts].filter(([, ok]) => !ok);
        for (const [file] of bad) console.log(`FAIL ${origin.get(file)} is rejected by Google's parser as ${type}`);
        failures += bad.length;
        console.log(`${type}: ${verdicts.size - bad.length}/${verdicts.size} fixture documents parse`);
      }
    }
    console.log(failures === 0 ? "fixtures: all accepted by Google's parser" : `fixtures: ${failures} failure(s)`);
    return failures === 0 ? 0 : 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

process.exitCode = await main();
