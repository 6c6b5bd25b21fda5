/**
 * Checks the generated webhook schemas against Google's own proto3 JSON parser (the pbjson
 * oracle in ../shared). Not part of `npm test`: it needs ../shared and python3-protobuf.
 *
 *   npx tsx scripts/conformance/schemas.ts        (FULFILLER_SHARED_DIR overrides ../shared)
 *
 * (a) the official ES v2 samples pass; (b) random valid messages from the oracle pass;
 * (c) every case in test/schema/cases gets the oracle verdict the case expects. Exits 1 on
 * any failure or unexpected disagreement.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatIssues, validateSchema, type SchemaKind } from '../../src/schema/validate.js';
import { caseData, caseText, loadSchemaCases } from '../../test/schema/cases.js';
import { Oracle } from './oracle.js';
import { oracleAvailable, pbjsonScript, sharedDir } from './shared-dir.js';
import type { Dialect } from '../../src/base/dialect.js';

const TARGETS: readonly { dialect: Dialect; kind: SchemaKind; type: string }[] = [
  { dialect: 'cx', kind: 'request', type: 'cx.WebhookRequest' },
  { dialect: 'cx', kind: 'response', type: 'cx.WebhookResponse' },
  { dialect: 'es', kind: 'request', type: 'es.WebhookRequest' },
  { dialect: 'es', kind: 'response', type: 'es.WebhookResponse' },
];
const GENERATED_PER_SEED = 300;
const SEEDS = [1, 2];

const failures: string[] = [];

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => path.join(dir, file));
}

/** Validates every file; returns how many passed and records the failures. */
function expectValid(dialect: Dialect, kind: SchemaKind, files: readonly string[], label: string): number {
  let passed = 0;
  for (const file of files) {
    const result = validateSchema(dialect, kind, JSON.parse(readFileSync(file, 'utf8')));
    if (result.ok) passed++;
    else failures.push(`${label}: ${file}: ${formatIssues(result.issues)}`);
  }
  return passed;
}

function checkSamples(): string {
  const samples = path.join(sharedDir, 'samples/es-v2-official');
  const requests = jsonFiles(path.join(samples, 'requests'));
  const responses = jsonFiles(path.join(samples, 'responses'));
  const passed = expectValid('es', 'request', requests, 'sample') + expectValid('es', 'response', responses, 'sample');
  return `(a) official ES v2 samples: ${passed}/${requests.length + responses.length} valid`;
}

async function checkGenerated(oracle: Oracle, work: string): Promise<string> {
  const runs = TARGETS.flatMap((target) => SEEDS.map((seed) => ({ ...target, seed, dir: path.join(work, `gen-${target.type}-${seed}`) })));
  await Promise.all(runs.map((run) => oracle.generate(run.type, GENERATED_PER_SEED, run.seed, run.dir)));
  const lines = TARGETS.map((target) => {
    const files = runs.filter((run) => run.type === target.type).flatMap((run) => jsonFiles(run.dir));
    return `${target.type} ${expectValid(target.dialect, target.kind, files, `gen ${target.type}`)}/${files.length}`;
  });
  return `(b) oracle-generated messages valid: ${lines.join(', ')}`;
}

/**
 * Asks the oracle about every test case (strict for responses, lenient for requests, one
 * process per schema) and compares with the verdict the case expects from it.
 */
async function checkCases(oracle: Oracle, work: string): Promise<string[]> {
  const cases = loadSchemaCases();
  const known: string[] = [];
  let agreed = 0;
  await Promise.all(
    TARGETS.map(async (target) => {
      const dir = path.join(work, `cases-${target.dialect}-${target.kind}`);
      mkdirSync(dir);
      const mine = cases.filter((c) => c.dialect === target.dialect && c.kind === target.kind);
      const files = mine.map((c, i) => {
        const file = path.join(dir, `${String(i).padStart(3, '0')}.json`);
        writeFileSync(file, caseText(c));
        return file;
      });
      const verdicts = await oracle.check(target.type, dir, target.kind === 'request');
      mine.forEach((c, i) => {
        const label = `${c.dialect} ${c.kind}: ${c.name}`;
        const ours = validateSchema(c.dialect, c.kind, caseData(c)).ok;
        const oracleSays = verdicts.get(files[i]!) ? 'accepts' : 'rejects';
        const expected = c.oracle ?? (c.valid ? 'accepts' : 'rejects');
        if (ours !== c.valid) failures.push(`case ${label}: our validator ${ours ? 'accepts' : 'rejects'} it`);
        if (oracleSays !== expected)
          failures.push(`case ${label}: the oracle ${oracleSays} it, the case expects it ${expected === 'accepts' ? 'to accept' : 'to reject'}`);
        else if (c.oracle !== undefined) known.push(`    ${label}: oracle ${c.oracle}, we ${c.valid ? 'accept' : 'reject'} (${c.why})`);
        else agreed++;
      });
    }),
  );
  return [`(c) edge cases: ${agreed} agree with the oracle, ${known.length} known differences:`, ...known.sort()];
}

async function main(): Promise<void> {
  if (!oracleAvailable()) return;
  const oracle = new Oracle(pbjsonScript);
  const work = mkdtempSync(path.join(tmpdir(), 'fulfiller-conformance-'));
  try {
    const summary = [checkSamples(), await checkGenerated(oracle, work), ...(await checkCases(oracle, work))];
    for (const failure of failures) console.log(`FAIL ${failure}`);
    for (const line of summary) console.log(line);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(failures.length === 0 ? 'conformance: all checks passed' : `conformance: ${failures.length} failure(s)`);
  process.exitCode = failures.length === 0 ? 0 : 1;
}

await main();
