import { closestName } from '../schema/closest-name.js';
import { validateSchema } from '../schema/validate.js';
import type { ContextExpectation, Expectation, FormState } from './fixture.js';
import { isJsonObject } from '../base/json-object.js';
import { check, named, type Fail } from './shape.js';
import type { Dialect } from '../base/dialect.js';

const COMMON = ['status', 'texts', 'textContains', 'textMatches', 'params', 'response'];
const ONLY: Record<Dialect, readonly string[]> = { cx: ['targetPage', 'targetFlow', 'form'], es: ['contexts'] };
const FORM_STATES: readonly FormState[] = ['EMPTY', 'INVALID', 'FILLED'];

/** Checks an expectation (`expect` of a turn, or a plain request's `.expect.json`) for its dialect. */
export function parseExpectation(value: unknown, at: string, dialect: Dialect, fail: Fail): Expectation {
  if (!isJsonObject(value)) return fail(at, 'an expectation is an object: { "texts": [...], "params": {...}, ... }');
  const known = [...COMMON, ...ONLY[dialect]];
  const other: Dialect = dialect === 'cx' ? 'es' : 'cx';
  const path = (key: string): string => (at === '' ? key : `${at}.${key}`);
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    if (ONLY[other].includes(key)) fail(path(key), `is for ${other.toUpperCase()} answers; this is ${named(dialect)} fixture`);
    const hint = closestName(key, known);
    fail(path(key), `is not an expectation${hint === undefined ? ` (known: ${known.join(', ')})` : `: did you mean "${hint}"?`}`);
  }
  const e: Expectation = {};
  if (value.status !== undefined) e.status = check.integer(value.status, path('status'), 100, 599, fail);
  if (value.texts !== undefined) e.texts = check.strings(value.texts, path('texts'), fail);
  if (typeof value.textContains === 'string') e.textContains = value.textContains;
  else if (value.textContains !== undefined) e.textContains = check.strings(value.textContains, path('textContains'), fail);
  if (value.textMatches !== undefined) {
    const list = check.regexList(value.textMatches, path('textMatches'), fail);
    e.textMatches = typeof value.textMatches === 'string' ? list[0]! : list;
  }
  if (value.params !== undefined) {
    e.params = isJsonObject(value.params) ? value.params : fail(path('params'), 'must be an object: { "name": value, "deleted": null }');
  }
  if (value.contexts !== undefined) e.contexts = contextsOf(value.contexts, path('contexts'), fail);
  if (value.targetPage !== undefined) e.targetPage = check.string(value.targetPage, path('targetPage'), fail);
  if (value.targetFlow !== undefined) e.targetFlow = check.string(value.targetFlow, path('targetFlow'), fail);
  if (value.form !== undefined) {
    const form = check.stringMap(value.form, path('form'), fail);
    for (const [name, state] of Object.entries(form)) {
      if (!FORM_STATES.includes(state as FormState)) fail(path(`form.${name}`), `must be one of ${FORM_STATES.join(', ')}`);
    }
    e.form = form as Record<string, FormState>;
  }
  if (value.response !== undefined) {
    if (!isJsonObject(value.response)) return fail(path('response'), 'must be the whole WebhookResponse object');
    const result = validateSchema(dialect, 'response', value.response);
    if (!result.ok) fail(path(`response.${result.issues[0]!.path}`), `${result.issues[0]!.message} (a snapshot must be a valid WebhookResponse)`);
    e.response = value.response;
  }
  return e;
}

function contextsOf(value: unknown, at: string, fail: Fail): Record<string, ContextExpectation | null> {
  if (!isJsonObject(value)) return fail(at, 'must be an object: { "context_id": { "lifespanCount": 2 }, "deleted_id": null }');
  const contexts: Record<string, ContextExpectation | null> = {};
  for (const [id, raw] of Object.entries(value)) {
    if (raw === null) {
      contexts[id] = null;
      continue;
    }
    if (!isJsonObject(raw)) return fail(`${at}.${id}`, 'must be null (deleted) or { "lifespanCount"?: n, "parameters"?: {...} }');
    for (const key of Object.keys(raw)) {
      if (key !== 'lifespanCount' && key !== 'parameters') fail(`${at}.${id}.${key}`, 'is not lifespanCount or parameters');
    }
    const context: ContextExpectation = {};
    if (raw.lifespanCount !== undefined) context.lifespanCount = check.integer(raw.lifespanCount, `${at}.${id}.lifespanCount`, 0, 2147483647, fail);
    if (raw.parameters !== undefined) {
      context.parameters = isJsonObject(raw.parameters) ? raw.parameters : fail(`${at}.${id}.parameters`, 'must be an object');
    }
    contexts[id] = context;
  }
  return contexts;
}
