import { dirname } from 'node:path';
import { xml } from '../base/xml-text.js';

/** One replayed fixture, as a report shows it. */
export interface ReportEntry {
  file: string;
  ms: number;
  /** `failure`: an expectation did not hold; `error`: the fixture could not be run (bad file, unreachable webhook). */
  problem?: { kind: 'failure' | 'error'; message: string; details: readonly string[] };
}

/**
 * A JUnit XML report (the format CI servers read): one test case per fixture file, with the
 * readable diff of a failure as its text.
 */
export function junitReport(entries: readonly ReportEntry[], options: { name?: string; timestamp?: Date } = {}): string {
  const name = options.name ?? 'fulfiller replay';
  const failures = entries.filter((e) => e.problem?.kind === 'failure').length;
  const errors = entries.filter((e) => e.problem?.kind === 'error').length;
  const seconds = (ms: number): string => (ms / 1000).toFixed(3);
  const total = seconds(entries.reduce((sum, e) => sum + e.ms, 0));
  const counts = `tests="${entries.length}" failures="${failures}" errors="${errors}"`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(name)}" ${counts} time="${total}">`,
    `  <testsuite name="${xml(name)}" ${counts} skipped="0" time="${total}" timestamp="${(options.timestamp ?? new Date()).toISOString()}">`,
  ];
  for (const entry of entries) {
    const suite = dirname(entry.file).replace(/[/\\]/g, '.');
    const attributes = `classname="${xml(suite)}" name="${xml(entry.file)}" file="${xml(entry.file)}" time="${seconds(entry.ms)}"`;
    if (entry.problem === undefined) {
      lines.push(`    <testcase ${attributes}/>`);
      continue;
    }
    const { kind, message, details } = entry.problem;
    const type = kind === 'failure' ? 'ExpectationMismatch' : 'FixtureError';
    lines.push(
      `    <testcase ${attributes}>`,
      `      <${kind} message="${xml(message)}" type="${type}">${xml(details.join('\n'))}</${kind}>`,
      '    </testcase>',
    );
  }
  lines.push('  </testsuite>', '</testsuites>', '');
  return lines.join('\n');
}
