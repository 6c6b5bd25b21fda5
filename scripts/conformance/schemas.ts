/**
 * Checks the generated webhook schemas, GA and beta, against Google's own proto3 JSON parser
 * (the pbjson oracle in ../shared). Not part of `npm test`: it needs ../shared and python3-protobuf.
 *
 *   npx tsx scripts/conformance/schemas.ts        (FULFILLER_SHARED_DIR overrides ../shared)
 *
 * (a) the official ES v2 samples pass, as v2 and as v2beta1; (b) random valid messages from the
 * oracle pass, for every API version; (c) every case in test/schema/cases gets the oracle
 * verdict the case expects. Output-only fields are the one difference by design: Google's
 * parser takes them in a response, our response schemas refuse them (Dialogflow ignores them).
 * A generated response that carries some must fail with output-only issues only, and what
 * withoutOutputOnlyFields() leaves of it must pass both our schema and the oracle. Exits 1 on
 * any failure or unexpected disagreement.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatIssues, validateSchema, withoutOutputOnlyFields, type ApiVersion, type Dialect, type SchemaKind } from '../../src/index.js';
import { caseData, caseOptions, caseSchema, caseText, loadSchemaCases } from '../../test/schema/cases.js';
import { Oracle } from './oracle.js';
import { oracleAvailable, pbjsonScript, sharedDir } from './shared-dir.js';

interface Target {
  dialect: Dialect;
  version: ApiVersion;
  kind: SchemaKind;
  /** The oracle's name for the message type. */
  type: string;
}

const ORACLE_PREFIX: Record<string, string> = { v3: 'cx', v3beta1: 'cx3beta1', v2: 'es', v2beta1: 'es2beta1' };
const VERSIONS: readonly { dialect: Dialect; version: ApiVersion; ga: boolean }[] = [
  { dialect: 'cx', version: 'v3', ga: true },
  { dialect: 'es', version: 'v2', ga: true },
  { dialect: 'cx', version: 'v3beta1', ga: false },
  { dialect: 'es', version: 'v2beta1', ga: false },
];
const TARGETS: readonly Target[] = VERSIONS.flatMap(({ dialect, version }) =>
  (['request', 'response'] as const).map((kind) => ({
    dialect,
    version,
    kind,
    type: `${ORACLE_PREFIX[version]}.Webhook${kind === 'request' ? 'Request' : 'Response'}`,
  })),
);
const GENERATED_PER_SEED = 300;
const SEEDS = [1, 2];

const failures: string[] = [];

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => path.join(dir, file));
}

interface Tally {
  passed: number;
  /** Responses refused for output-only fields only, each written without them to `strippedDir`. */
  outputOnly: number;
}

/**
 * Validates every file; a response refused for output-only fields alone counts apart, and what
 * is left without them must pass (it is written to `strippedDir` for the oracle). Records the failures.
 */
function expectValid(target: Omit<Target, 'type'>, files: readonly string[], label: string, strippedDir?: string): Tally {
  const tally: Tally = { passed: 0, outputOnly: 0 };
  const options = { version: target.version };
  for (const file of files) {
    const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const result = validateSchema(target.dialect, target.kind, data, options);
    if (result.ok) {
      tally.passed++;
      continue;
    }
    const onlyOutputOnly = target.kind === 'response' && result.issues.every((issue) => issue.kind === 'output-only');
    if (!onlyOutputOnly) {
      failures.push(`${label}: ${file}: ${formatIssues(result.issues)}`);
      continue;
    }
    const { response, removed } = withoutOutputOnlyFields(target.dialect, data, options);
    const rest = validateSchema(target.dialect, 'response', response, options);
    if (!rest.ok || removed.length !== result.issues.length) {
      failures.push(
        `${label}: ${file}: without its output-only fields (${removed.join(', ')}) it is still refused: ${rest.ok ? 'a field was not removed' : formatIssues(rest.issues)}`,
      );
      continue;
    }
    tally.outputOnly++;
    if (strippedDir !== undefined) {
      mkdirSync(strippedDir, { recursive: true });
      writeFileSync(path.join(strippedDir, path.basename(file)), JSON.stringify(response));
    }
  }
  return tally;
}

function checkSamples(): string {
  const samples = path.join(sharedDir, 'samples/es-v2-official');
  const requests = jsonFiles(path.join(samples, 'requests'));
  const responses = jsonFiles(path.join(samples, 'responses'));
  const counts = (['v2', 'v2beta1'] as const).map((version) => {
    const passed =
      expectValid({ dialect: 'es', version, kind: 'request' }, requests, `sample ${version}`).passed +
      expectValid({ dialect: 'es', version, kind: 'response' }, responses, `sample ${version}`).passed;
    return `${passed}/${requests.length + responses.length} valid as ${version}`;
  });
  return `(a) official ES v2 samples: ${counts.join(', ')}`;
}

async function checkGenerated(oracle: Oracle, work: string): Promise<string[]> {
  const runs = TARGETS.flatMap((target) => SEEDS.map((seed) => ({ ...target, seed, dir: path.join(work, `gen-${target.type}-${seed}`) })));
  await Promise.all(runs.map((run) => oracle.generate(run.type, GENERATED_PER_SEED, run.seed, run.dir)));
  const lines = await Promise.all(
    TARGETS.map(async (target) => {
      const files = runs.filter((run) => run.type === target.type).flatMap((run) => jsonFiles(run.dir).map((file) => ({ file, seed: run.seed })));
      const stripped = path.join(work, `stripped-${target.type}`);
      // File names repeat across seeds: each seed's files go to their own folder.
      const tallies = SEEDS.map((seed) =>
        expectValid(
          target,
          files.filter((f) => f.seed === seed).map((f) => f.file),
          `gen ${target.type}`,
          path.join(stripped, String(seed)),
        ),
      );
      const passed = tallies.reduce((sum, t) => sum + t.passed, 0);
      const outputOnly = tallies.reduce((sum, t) => sum + t.outputOnly, 0);
      if (outputOnly === 0) return `${target.type} ${passed}/${files.length}`;
      const verdicts = new Map<string, boolean>();
      for (const seed of SEEDS.map(String)) {
        for (const [file, ok] of await oracle.check(target.type, path.join(stripped, seed), false)) verdicts.set(file, ok);
      }
      const refused = [...verdicts].filter(([, ok]) => !ok).map(([file]) => file);
      for (const file of refused) failures.push(`gen ${target.type}: ${file}: Google's parser refuses what withoutOutputOnlyFields() left`);
      return (
        `${target.type} ${passed}/${files.length}, the other ${outputOnly} refused by design for output-only fields alone ` +
        `(without them, ${verdicts.size - refused.length}/${verdicts.size} pass ours and Google's parser)`
      );
    }),
  );
  return ['(b) oracle-generated messages valid:', ...lines.map((line) => `    ${line}`)];
}

/**
 * Asks the oracle about every test case (strict for responses, lenient for requests, one
 * process per schema) and compares with the verdict the case expects from it.
 */
async function checkCases(oracle: Oracle, work: string): Promise<string[]> {
  const cases = loadSchemaCases();
  const known: string[] = [];
  let agreed = 0;
  let covered = 0;
  await Promise.all(
    TARGETS.map(async (target) => {
      const dir = path.join(work, `cases-${target.dialect}-${target.version}-${target.kind}`);
      mkdirSync(dir);
      const ga = VERSIONS.find((v) => v.dialect === target.dialect && v.ga)!.version;
      const mine = cases.filter((c) => c.dialect === target.dialect && (c.version ?? ga) === target.version && c.kind === target.kind);
      covered += mine.length;
      const files = mine.map((c, i) => {
        const file = path.join(dir, `${String(i).padStart(3, '0')}.json`);
        writeFileSync(file, caseText(c));
        return file;
      });
      const verdicts = await oracle.check(target.type, dir, target.kind === 'request');
      mine.forEach((c, i) => {
        const label = `${caseSchema(c)} ${c.kind}: ${c.name}`;
        const ours = validateSchema(c.dialect, c.kind, caseData(c), caseOptions(c)).ok;
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
  if (covered !== cases.length) failures.push(`${cases.length - covered} case(s) name a dialect and version that no target checks`);
  return [`(c) edge cases: ${agreed} agree with the oracle, ${known.length} known differences:`, ...known.sort()];
}

async function main(): Promise<void> {
  if (!oracleAvailable()) return;
  const oracle = new Oracle(pbjsonScript);
  const work = mkdtempSync(path.join(tmpdir(), 'fulfiller-conformance-'));
  try {
    const summary = [checkSamples(), ...(await checkGenerated(oracle, work)), ...(await checkCases(oracle, work))];
    for (const failure of failures) console.log(`FAIL ${failure}`);
    for (const line of summary) console.log(line);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(failures.length === 0 ? 'conformance: all checks passed' : `conformance: ${failures.length} failure(s)`);
  process.exitCode = failures.length === 0 ? 0 : 1;
}

await main();
