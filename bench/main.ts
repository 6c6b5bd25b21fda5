/**
 * `npm run bench`: throughput, latency, memory and cold start of `fulfiller serve` and the
 * Express adapter against bare node:http, bare Express and dialogflow-fulfillment, measured
 * side by side in one run, plus micro-benchmarks of the per-request stages. Method and
 * findings: docs/performance.md. `npm run bench -- --help` lists the flags.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { checkContenders } from './check-contenders.js';
import { runAgentSection } from './agent/agent-section.js';
import { runColdSection } from './cold/cold-section.js';
import { pickContenders } from './contenders.js';
import { runLoadSection } from './load/load-section.js';
import { runMicroSection } from './micro/micro-section.js';
import { runPlaygroundSection } from './playground/playground-section.js';
import { loadPayloads } from './payloads.js';
import { pinCores } from './process/cpu-pinning.js';
import { waitForQuiet } from './process/wait-for-quiet.js';
import { profileContender } from './profile/profile-contender.js';
import { chartSvg } from './report/chart-svg.js';
import { describeMachine } from './report/machine.js';
import { resultsMarkdown, updatePerformanceDoc } from './report/performance-doc.js';
import { textTable } from './report/render-table.js';
import type { BenchResults } from './report/results.js';
import { summarizeLoad } from './report/summarize.js';
import { agentTable, contenderTable, microTable, playgroundTable, targetTable } from './report/tables.js';
import { agentTargets, checkTargets } from './report/targets.js';
import { benchSettings, SECTIONS, USAGE } from './settings.js';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const settings = benchSettings(args);
const log = (line: string) => void process.stderr.write(`${line}\n`);
const pinning = pinCores();
const payloads = loadPayloads();
const profiled = settings.profile ?? settings.profileCold;

if (profiled !== undefined) {
  const [contender] = pickContenders(new Set([profiled]));
  process.stdout.write(`${await profileContender(contender!, payloads[settings.payload], settings, pinning, settings.profileCold !== undefined)}\n`);
} else {
  const startedAt = new Date().toISOString();
  const servers = settings.sections.has('load') || settings.sections.has('cold');
  log(`${pinning.description}${servers ? '\nchecking the contenders…' : ''}`);
  // The agent and micro sections run no server: a run of those alone skips the contenders.
  const { ok, skipped } = servers ? await checkContenders(pickContenders(settings.only), payloads, pinning) : { ok: [], skipped: [] };
  for (const s of skipped) log(`SKIPPED ${s.contender}: ${s.reason}`);
  const cells = ok.reduce((n, c) => n + c.payloads.length, 0);
  const loadSec = cells * (settings.warmupSec + settings.rounds * (settings.durationSec + 0.3));
  if (servers) log(`${ok.length} contenders, ${cells} load cells: about ${Math.ceil(loadSec / 60)} min of load, then cold starts and micro-benchmarks`);

  const load = settings.sections.has('load') ? await runLoadSection(ok, payloads, settings, pinning, log) : null;
  const coldStart = settings.sections.has('cold') ? await runColdSection(ok, payloads, settings, pinning, log) : null;
  if (settings.sections.has('micro')) log('micro-benchmarks…');
  const micro = settings.sections.has('micro') ? await waitForQuiet(20_000).then(() => runMicroSection(settings.microTimeMs, pinning)) : null;
  const playground = settings.sections.has('playground') ? await waitForQuiet(20_000).then(() => runPlaygroundSection(settings.quick, pinning, log)) : null;

  const agent = settings.sections.has('agent') ? await runAgentSection(settings.agentRounds, pinning, log) : null;

  const rows = load === null ? null : summarizeLoad(load.cells, ok);
  const peakRssMB = load === null ? null : Object.fromEntries(Object.entries(load.peakRssBytes).map(([id, bytes]) => [id, bytes / 1e6]));
  const results: BenchResults = {
    quick: settings.quick,
    startedAt,
    finishedAt: new Date().toISOString(),
    machine: describeMachine(),
    method: {
      loadGenerator: 'autocannon (keep-alive, no pipelining)',
      connections: settings.connections,
      durationSec: settings.durationSec,
      warmupSec: settings.warmupSec,
      rounds: settings.rounds,
      coldRuns: settings.coldRuns,
      microTimeMs: settings.microTimeMs,
      pinning: pinning.description,
      payloads: { cx: payloads.cx.label, es: payloads.es.label, endpoint: payloads.endpoint.label },
    },
    contenders: ok.map(({ id, label, role }) => ({ id, label, role })),
    skipped,
    load: rows === null ? null : { rows, cells: load!.cells },
    peakRssMB,
    coldStart,
    micro,
    agent,
    playground,
    targets: [...checkTargets(rows, coldStart, peakRssMB, playground), ...agentTargets(agent)],
  };
  const tables = [
    contenderTable(results),
    targetTable(results),
    ...(micro === null ? [] : [microTable(results)]),
    ...(agent === null ? [] : [agentTable(results)]),
    ...(playground === null ? [] : [playgroundTable(results)]),
  ];
  process.stdout.write(`\n${tables.map(textTable).join('\n\n')}\n`);
  writeOutputs(results, settings.quick || settings.only !== undefined || settings.sections.size < SECTIONS.length);
  if (rows?.some((r) => r.failures > 0)) {
    log('some requests failed (non-2xx, errors or timeouts): these numbers are not valid');
    process.exitCode = 1;
  }
}

/** A full run publishes; a quick or partial one only leaves scratch files (ignored by git). */
function writeOutputs(results: BenchResults, scratch: boolean): void {
  const dir = new URL('./results/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  const json = `${JSON.stringify(results, null, 2)}\n`;
  if (scratch) {
    writeFileSync(new URL('last-run.json.tmp', dir), json);
    writeFileSync(new URL('last-run.svg.tmp', dir), chartSvg(results));
    log('scratch run: wrote bench/results/last-run.json.tmp and last-run.svg.tmp (published results untouched)');
    return;
  }
  writeFileSync(new URL('latest.json', dir), json);
  writeFileSync(new URL('../docs/performance.svg', import.meta.url), chartSvg(results));
  updatePerformanceDoc(new URL('../docs/performance.md', import.meta.url).pathname, resultsMarkdown(results, 'performance.svg'));
  log('wrote bench/results/latest.json, docs/performance.svg and the results section of docs/performance.md');
}
