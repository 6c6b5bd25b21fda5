import type { SchemaValidator } from '../generated/validators.js';
import type { Dialect } from '../base/dialect.js';
import { describeError, type SchemaIssue } from './describe-error.js';
import { outputOnlyMessage } from './output-only-advice.js';
import { schemaApi, type SchemaApi, type SchemaOptions } from './schema-api.js';
import { stripOutputOnly } from './strip-output-only.js';

export type { ApiVersion, SchemaOptions } from './schema-api.js';

export type SchemaKind = 'request' | 'response';

export type SchemaResult = { ok: true } | { ok: false; issues: SchemaIssue[] };

const VALID: SchemaResult = Object.freeze({ ok: true });

/**
 * Checks a webhook body against the proto3 JSON schema generated from Google's protos, as
 * Google's own parser would: requests may carry undocumented fields, responses may not.
 * On failure the first issue names the first problem found; a response's output-only fields
 * follow as issues of their own kind, after it.
 *
 * @example validateSchema('cx', 'response', { fulfillmentResponse: { mergeBehavior: 'replace' } })
 * // { ok: false, issues: [{ path: 'fulfillmentResponse.mergeBehavior',
 * //   message: 'must be one of APPEND, REPLACE, MERGE_BEHAVIOR_UNSPECIFIED, not "replace"' }] }
 * @example validateSchema('es', 'response', { endInteraction: true }, { version: 'v2beta1' }) // { ok: true }
 */
export function validateSchema<D extends Dialect>(dialect: D, kind: SchemaKind, data: unknown, options?: SchemaOptions<D>): SchemaResult {
  const api = schemaApi(dialect, options?.version as string | undefined);
  const validate = api.validators[kind];
  if (validate(data)) return VALID;
  return { ok: false, issues: explain(api, kind, validate, data) };
}

/** Only for a document that failed: the output-only fields are reported apart, the rest validated without them. */
function explain(api: SchemaApi, kind: SchemaKind, validate: SchemaValidator, data: unknown): SchemaIssue[] {
  const root = api.hints.roots[kind];
  const stripped = kind === 'response' ? stripOutputOnly(api.hints, root, data, false) : { value: data, removed: [] };
  if (stripped.removed.length === 0) return [describeError(validate.errors, api.hints, root, data)];
  const outputOnly = stripped.removed.map(({ path, field }): SchemaIssue => ({ path, message: outputOnlyMessage(field), kind: 'output-only' }));
  if (validate(stripped.value)) return outputOnly;
  return [describeError(validate.errors, api.hints, root, stripped.value), ...outputOnly];
}

/** One line per issue: `path: message` (just the message for the root). */
export function formatIssues(issues: readonly SchemaIssue[]): string {
  return issues.map((issue) => (issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`)).join('\n');
}
