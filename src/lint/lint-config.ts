import { readFile } from 'node:fs/promises';
import { LintConfigError } from '../errors.js';
import { isJsonObject } from '../base/json-object.js';
import type { LintFinding, Severity } from './lint-finding.js';
import { LINT_RULES, ruleById } from './lint-rules.js';
import { didYouMean } from '../agent/did-you-mean.js';

/** A finding to leave out: every given field must match (`*` matches any text). */
export interface IgnoreEntry {
  readonly rule: string;
  readonly file?: string;
  readonly path?: string;
  readonly subject?: string;
  /** Why: for the people who read the config. */
  readonly reason?: string;
}

/**
 * `fulfiller-lint.json`: per-rule severity (or `off`), findings to ignore, and the webhooks the
 * app serves (as `--webhook` would name them).
 *
 *   { "rules": { "missing-webhook-error-handler": "off", "unused-route": "error" },
 *     "ignore": [{ "rule": "unhandled-tag", "path": "Support › *", "reason": "served by the CRM team's webhook" }],
 *     "webhooks": ["orders"] }
 */
export interface LintConfig {
  readonly rules: Readonly<Record<string, Severity | 'off'>>;
  readonly ignore: readonly IgnoreEntry[];
  readonly webhooks: readonly string[];
}

export const EMPTY_CONFIG: LintConfig = { rules: {}, ignore: [], webhooks: [] };

/** Reads and checks a config file; every mistake names the file and the key. */
export async function readLintConfig(file: string): Promise<LintConfig> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new LintConfigError(file, code === undefined ? 'is not valid JSON' : `cannot be read (${code})`);
  }
  return parseLintConfig(file, data);
}

export function parseLintConfig(file: string, data: unknown): LintConfig {
  const fail = (message: string): never => {
    throw new LintConfigError(file, message);
  };
  if (!isJsonObject(data)) return fail('must hold a JSON object with "rules", "ignore" and "webhooks"');
  for (const key of Object.keys(data))
    if (!['rules', 'ignore', 'webhooks', '$schema'].includes(key)) fail(`unknown key "${key}" (the keys are rules, ignore and webhooks)`);
  const rules: Record<string, Severity | 'off'> = {};
  const ruleIds = LINT_RULES.map((r) => r.id);
  if (data.rules !== undefined && !isJsonObject(data.rules)) fail('"rules" must be an object of rule id → error, warning, info or off');
  for (const [id, level] of Object.entries(isJsonObject(data.rules) ? data.rules : {})) {
    if (ruleById(id) === undefined) fail(`rules: there is no rule "${id}"${didYouMean(id, ruleIds)} (docs/lint.md lists them)`);
    if (level !== 'error' && level !== 'warning' && level !== 'info' && level !== 'off') fail(`rules.${id} must be error, warning, info or off`);
    rules[id] = level as Severity | 'off';
  }
  const ignoreList = data.ignore ?? [];
  if (!Array.isArray(ignoreList)) return fail('"ignore" must be a list of { rule, file?, path?, subject?, reason? }');
  const ignore = ignoreList.map((entry, i): IgnoreEntry => {
    if (!isJsonObject(entry) || typeof entry.rule !== 'string') return fail(`ignore[${i}] needs "rule" (a rule id or "*")`);
    if (entry.rule !== '*' && ruleById(entry.rule) === undefined) fail(`ignore[${i}].rule: there is no rule "${entry.rule}"${didYouMean(entry.rule, ruleIds)}`);
    for (const key of Object.keys(entry)) {
      if (!['rule', 'file', 'path', 'subject', 'reason'].includes(key)) fail(`ignore[${i}]: unknown key "${key}"`);
      if (typeof entry[key] !== 'string') fail(`ignore[${i}].${key} must be a string`);
    }
    return entry as unknown as IgnoreEntry;
  });
  const webhooks = data.webhooks ?? [];
  if (!Array.isArray(webhooks) || !webhooks.every((w) => typeof w === 'string')) return fail('"webhooks" must be a list of webhook display names');
  return { rules, ignore, webhooks: webhooks as string[] };
}

/** Whether an ignore entry covers a finding. */
export function ignores(entry: IgnoreEntry, finding: LintFinding): boolean {
  return (
    glob(entry.rule, finding.rule) &&
    (entry.file === undefined || glob(entry.file, finding.location.file)) &&
    (entry.path === undefined || glob(entry.path, finding.location.path)) &&
    (entry.subject === undefined || glob(entry.subject, finding.subject))
  );
}

function glob(pattern: string, text: string): boolean {
  if (!pattern.includes('*')) return pattern === text;
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, 's').test(text);
}
