import { readFileSync, writeFileSync } from 'node:fs';
import type { BenchResults } from './results.js';
import { markdownTable } from './render-table.js';
import { agentTable, contenderTable, microTable, playgroundTable, targetTable } from './tables.js';

export const BEGIN = '<!-- bench:results:begin (written by npm run bench; do not edit by hand) -->';
export const END = '<!-- bench:results:end -->';

/** The generated part of docs/performance.md: the last full run's machine, tables and chart. */
export function resultsMarkdown(results: BenchResults, chartPath: string): string {
  const m = results.machine;
  const lines = [
    `Measured ${results.finishedAt.slice(0, 16).replace('T', ' ')} UTC on commit \`${m.commit}\`: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}.`,
    `Packages: ${Object.entries(m.packages)
      .map(([name, version]) => `${name} ${version}`)
      .join(', ')}.`,
    `Load: ${results.method.loadGenerator}, ${results.method.connections} connections, ${results.method.warmupSec} s warm-up, ${results.method.rounds} alternated rounds of ${results.method.durationSec} s; ${results.method.pinning}. Cold start: median of ${results.method.coldRuns} spawns.`,
    '',
    `![Throughput, p99 latency and cold start per contender](${chartPath})`,
    '',
    markdownTable(contenderTable(results)),
    '',
    markdownTable(targetTable(results)),
  ];
  if (results.micro !== null) lines.push('', markdownTable(microTable(results)));
  if (results.agent != null) lines.push('', markdownTable(agentTable(results)));
  if (results.playground !== undefined && results.playground !== null) lines.push('', markdownTable(playgroundTable(results)));
  if (results.skipped.length > 0) lines.push('', ...results.skipped.map((s) => `- Skipped \`${s.contender}\`: ${s.reason}`));
  return lines.join('\n');
}

/** Replaces the generated part of the document; the hand-written rest stays as it is. */
export function updatePerformanceDoc(path: string, markdown: string): void {
  const doc = readFileSync(path, 'utf8');
  const begin = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (begin === -1 || end < begin) throw new Error(`${path} has lost its markers ${BEGIN} … ${END}`);
  writeFileSync(path, `${doc.slice(0, begin + BEGIN.length)}\n${markdown}\n${doc.slice(end)}`);
}
