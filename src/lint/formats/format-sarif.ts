import { statSync } from 'node:fs';
import { fingerprint } from '../lint-baseline.js';
import type { LintReport } from '../lint-agent.js';
import type { Severity } from '../lint-finding.js';
import { LINT_RULES } from '../lint-rules.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * SARIF 2.1.0, for code scanning in CI: every rule described, every finding a result at its
 * file. A folder export's files are paths in the repository; a zip's findings point at the zip,
 * with the entry and the display path as logical locations.
 */
export function formatSarif(report: LintReport, appFile: string): string {
  const folder = isFolder(report.agent.source);
  const base = report.agent.source.replace(/\\/g, '/').replace(/\/$/, '');
  const uriOf = (file: string): string => (file === appFile ? appFile : folder ? `${base}/${file}` : base);
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'fulfiller lint',
            informationUri: 'https://www.npmjs.com/package/dialogflow-fulfiller',
            rules: LINT_RULES.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.summary },
              help: { text: `docs/lint.md#${rule.id}` },
              defaultConfiguration: { level: LEVEL[rule.severity] },
            })),
          },
        },
        results: report.findings.map((finding) => ({
          ruleId: finding.rule,
          ruleIndex: LINT_RULES.findIndex((r) => r.id === finding.rule),
          level: LEVEL[finding.severity],
          message: { text: `${finding.message} Fix: ${finding.fix}` },
          locations: [
            {
              physicalLocation: { artifactLocation: { uri: encodeURI(uriOf(finding.location.file)) } },
              logicalLocations: [{ fullyQualifiedName: finding.location.path, name: finding.location.file, kind: 'resource' }],
            },
          ],
          partialFingerprints: { 'fulfillerLint/v1': fingerprint(finding) },
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
