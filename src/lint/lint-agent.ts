import type { AgentModel } from '../agent/agent-model.js';
import type { AppDescription } from '../core/app-description.js';
import { fingerprint, type LintBaseline } from './lint-baseline.js';
import { EMPTY_CONFIG, ignores, type LintConfig } from './lint-config.js';
import type { LintCheck } from './lint-context.js';
import type { LintFinding, Severity } from './lint-finding.js';
import { LINT_RULES, ruleById } from './lint-rules.js';
import { brokenReferences } from './rules/broken-references.js';
import { flexibleWebhook } from './rules/flexible-webhook.js';
import { toolDrift } from './rules/tool-drift.js';
import { languageMessages } from './rules/language-messages.js';
import { mtls } from './rules/mtls.js';
import { unhandledCalls } from './rules/unhandled-calls.js';
import { unusedRoutes } from './rules/unused-routes.js';
import { webhookAuth } from './rules/webhook-auth.js';
import { webhookErrorHandlers } from './rules/webhook-error-handlers.js';
import { webhookTimeouts } from './rules/webhook-timeouts.js';
import { selectWebhooks } from '../agent/select-webhooks.js';

const CHECKS: readonly LintCheck[] = [
  unhandledCalls,
  unusedRoutes,
  webhookErrorHandlers,
  webhookTimeouts,
  webhookAuth,
  mtls,
  flexibleWebhook,
  toolDrift,
  brokenReferences,
  languageMessages,
];

/** Options of `lintAgent()`. */
export interface LintOptions {
  /** Webhooks the app serves, by display name; default every standard one that is not a Google API. */
  webhooks?: readonly string[];
  /** The client CA of mutual TLS, PEM: checks the agent's client certificate against it. */
  tlsCa?: string;
  /** The app module as named to the user, for findings about its routes. Default `app`. */
  appFile?: string;
  config?: LintConfig;
  baseline?: LintBaseline;
}

/** What `lintAgent()` found. */
export interface LintReport {
  readonly agent: { readonly displayName: string | undefined; readonly dialect: AgentModel['dialect']; readonly source: string };
  readonly served: readonly string[];
  readonly external: readonly { readonly name: string; readonly why: string }[];
  /** What is reported: the config's severities applied, ignored and baselined findings left out; errors first. */
  readonly findings: readonly LintFinding[];
  /** Every finding before the baseline (what `--update-baseline` writes). */
  readonly all: readonly LintFinding[];
  readonly ignored: number;
  readonly baselined: number;
  readonly counts: Readonly<Record<Severity, number>>;
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Holds an agent against an app: every rule of docs/lint.md over the webhooks the app serves.
 *
 *   const report = lintAgent(await readAgent('agent.zip'), app.describe());
 *   report.findings.filter((f) => f.severity === 'error');
 */
export function lintAgent(agent: AgentModel, app: AppDescription, options: LintOptions = {}): LintReport {
  const config = options.config ?? EMPTY_CONFIG;
  const selection = selectWebhooks(agent, options.webhooks ?? config.webhooks);
  const context = { agent, app, served: selection.served, sites: selection.sites, tlsCa: options.tlsCa, appFile: options.appFile ?? 'app' };
  let ignored = 0;
  const all: LintFinding[] = [];
  for (const check of CHECKS) {
    for (const { rule, ...finding } of check(context)) {
      const severity = config.rules[rule] ?? ruleById(rule)!.severity;
      if (severity === 'off') continue;
      const made: LintFinding = { rule, severity, ...finding };
      if (config.ignore.some((entry) => ignores(entry, made))) ignored++;
      else all.push(made);
    }
  }
  const rank = (f: LintFinding): number => LINT_RULES.findIndex((r) => r.id === f.rule);
  all.sort(
    (a, b) =>
      ORDER[a.severity] - ORDER[b.severity] ||
      rank(a) - rank(b) ||
      a.location.file.localeCompare(b.location.file) ||
      a.location.path.localeCompare(b.location.path),
  );
  const known = options.baseline?.fingerprints ?? new Set<string>();
  const findings = all.filter((f) => !known.has(fingerprint(f)));
  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return {
    agent: { displayName: agent.displayName, dialect: agent.dialect, source: agent.source },
    served: selection.served.map((w) => w.displayName),
    external: selection.external.map(({ webhook, why }) => ({ name: webhook.displayName, why })),
    findings,
    all,
    ignored,
    baselined: all.length - findings.length,
    counts,
  };
}
