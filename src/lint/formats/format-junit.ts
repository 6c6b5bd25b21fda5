import type { LintReport } from '../lint-agent.js';
import { LINT_RULES } from '../lint-rules.js';
import { xml } from '../../base/xml-text.js';

/**
 * JUnit XML, as CI servers show test results: one test case per rule that found nothing, and
 * one per finding (errors and warnings fail; notes pass with their text).
 */
export function formatJunit(report: LintReport): string {
  const cases: string[] = [];
  let failures = 0;
  for (const rule of LINT_RULES) {
    const found = report.findings.filter((f) => f.rule === rule.id);
    if (found.length === 0) cases.push(`    <testcase classname="fulfiller.lint" name="${xml(rule.id)}"/>`);
    for (const finding of found) {
      const name = `${rule.id}: ${finding.location.path}`;
      const attributes = `classname="fulfiller.lint.${xml(rule.id)}" name="${xml(name)}" file="${xml(finding.location.file)}"`;
      const text = `${finding.message}\nfix: ${finding.fix}`;
      if (finding.severity === 'info') {
        cases.push(`    <testcase ${attributes}><system-out>${xml(text)}</system-out></testcase>`);
        continue;
      }
      failures++;
      cases.push(
        `    <testcase ${attributes}>`,
        `      <failure message="${xml(finding.message)}" type="${finding.severity}">${xml(text)}</failure>`,
        '    </testcase>',
      );
    }
  }
  const tests = cases.filter((line) => line.startsWith('    <testcase')).length;
  const counts = `tests="${tests}" failures="${failures}" errors="0"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="fulfiller lint" ${counts}>`,
    `  <testsuite name="fulfiller lint ${xml(report.agent.source)}" ${counts} skipped="0">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
