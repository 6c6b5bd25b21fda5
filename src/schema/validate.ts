import { fileURLToPath } from 'node:url';
import { rootMessages } from '../generated/schema-hints.js';
import { validatorFiles, type DialectValidators } from '../generated/validators.js';
import { loadCachedModule } from '../runtime/cached-module.js';
import { describeError, type SchemaIssue } from './describe-error.js';
import type { Dialect } from '../base/dialect.js';

export type SchemaKind = 'request' | 'response';

export type SchemaResult = { ok: true } | { ok: false; issues: SchemaIssue[] };

const VALID: SchemaResult = Object.freeze({ ok: true });

const loaded: Partial<Record<Dialect, DialectValidators>> = {};

/** A dialect's validators, loaded on first use (hundreds of KB of generated code: a process serving one dialect never loads the other's). */
function validatorsOf(dialect: Dialect): DialectValidators {
  return (loaded[dialect] ??= loadCachedModule<DialectValidators>(fileURLToPath(validatorFiles[dialect])));
}

/**
 * Checks a webhook body against the proto3 JSON schema generated from Google's protos, as
 * Google's own parser would: requests may carry undocumented fields, responses may not.
 * On failure the issue names the first problem found.
 *
 * @example validateSchema('cx', 'response', { fulfillmentResponse: { mergeBehavior: 'replace' } })
 * // { ok: false, issues: [{ path: 'fulfillmentResponse.mergeBehavior',
 * //   message: 'must be one of APPEND, REPLACE, MERGE_BEHAVIOR_UNSPECIFIED, not "replace"' }] }
 */
export function validateSchema(dialect: Dialect, kind: SchemaKind, data: unknown): SchemaResult {
  const validate = validatorsOf(dialect)[kind];
  if (validate(data)) return VALID;
  return { ok: false, issues: [describeError(validate.errors, rootMessages[dialect][kind], data)] };
}

/** One line per issue: `path: message` (just the message for the root). */
export function formatIssues(issues: readonly SchemaIssue[]): string {
  return issues.map((issue) => (issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`)).join('\n');
}
