import { fingerprint } from '../lint-baseline.js';
import type { LintReport } from '../lint-agent.js';

/** The report for tools: every finding with its rule, severity, location, fix and fingerprint. */
export function formatJson(report: LintReport): string {
  const body = {
    agent: report.agent,
    webhooks: { served: report.served, external: report.external },
    counts: { ...report.counts, ignored: report.ignored, baselined: report.baselined },
    findings: report.findings.map((f) => ({ ...f, fingerprint: fingerprint(f) })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
