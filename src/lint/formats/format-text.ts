import type { LintReport } from '../lint-agent.js';

/** The report for a terminal: who serves what, one block per finding, a summary line. */
export function formatText(report: LintReport, appFile: string): string {
  const { agent } = report;
  const lines = [
    `fulfiller lint: ${agent.displayName === undefined ? 'the agent' : `agent "${agent.displayName}"`} (Dialogflow ${agent.dialect.toUpperCase()}, ${agent.source}) against ${appFile}`,
    `  serves: ${report.served.length === 0 ? 'no webhook of the agent' : report.served.join(', ')}`,
  ];
  if (report.external.length > 0) lines.push(`  external: ${report.external.map((e) => `${e.name} (${e.why})`).join(', ')}`);
  lines.push('');
  for (const finding of report.findings) {
    lines.push(`${finding.severity.padEnd(7)} ${finding.rule}  ${finding.location.file}`);
    lines.push(`        ${finding.message}`);
    lines.push(`        fix: ${finding.fix}`);
  }
  lines.push(summary(report));
  return `${lines.join('\n')}\n`;
}

/** "2 errors, 1 warning (3 ignored, 1 in the baseline)" or "no findings". */
export function summary(report: LintReport): string {
  const { error, warning, info } = report.counts;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [plural(error, 'error'), plural(warning, 'warning'), ...(info > 0 ? [plural(info, 'note')] : [])];
  const left = [
    ...(report.ignored > 0 ? [`${report.ignored} ignored by the config`] : []),
    ...(report.baselined > 0 ? [`${report.baselined} in the baseline`] : []),
  ];
  const total = error + warning + info === 0 ? 'no findings' : parts.join(', ');
  return `${total}${left.length > 0 ? ` (${left.join(', ')})` : ''}`;
}
