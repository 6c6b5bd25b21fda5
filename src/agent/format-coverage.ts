import type { CoverageReport } from './coverage.js';

/** The coverage as a table for a terminal: one line per call site, covered or not, then the requests that reached none. */
export function formatCoverage(report: CoverageReport): string[] {
  const lines = [`webhook call sites covered: ${report.covered} of ${report.total} (${report.percent.toFixed(1)} %)`];
  for (const { site, turns } of report.sites) {
    const what = site.tag !== undefined ? `tag ${site.tag}` : site.intent !== undefined ? `intent ${site.intent}` : 'no tag';
    lines.push(`  ${turns > 0 ? 'covered' : 'MISSING'}  ${String(turns).padStart(3)}  ${site.location.path}  (${what}, webhook ${site.webhook})`);
  }
  for (const line of report.unmatched) lines.push(`  no site: ${line}`);
  return lines;
}

/** The coverage for tools: every site with its location and turn count. */
export function coverageJson(report: CoverageReport): string {
  const body = {
    dialect: report.dialect,
    covered: report.covered,
    total: report.total,
    percent: report.percent,
    sites: report.sites.map(({ site, turns }) => ({
      webhook: site.webhook,
      kind: site.kind,
      tag: site.tag,
      intent: site.intent,
      file: site.location.file,
      path: site.location.path,
      pages: site.pages.map((ref) => `${ref.flow} › ${ref.page}`),
      turns,
    })),
    unmatched: report.unmatched,
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
