import type { JsonValue } from '../generated/types.js';
import type { ContextExpectation, Expectation } from './fixture.js';
import { diffJson } from './json-diff.js';
import { jsonEqual } from '../base/json-object.js';
import type { Reply } from './reply.js';

/** One expectation that does not hold: what was checked, what it should be, what it is. */
export interface Mismatch {
  /** `texts`, `params.return_number`, `response.fulfillmentResponse.messages[0]`... */
  what: string;
  /** `undefined`: the field should be absent. */
  expected: unknown;
  /** `undefined`: the field is absent. */
  actual: unknown;
  /** How to read it, when the values alone do not say: "not found in the texts". */
  note?: string;
}

/** Everything in `expect` that `reply` does not show; empty when the expectation holds. Status 200 is expected by default. */
export function checkExpectation(expect: Expectation | undefined, reply: Reply): Mismatch[] {
  const e = expect ?? {};
  const status = e.status ?? 200;
  if (reply.status !== status) {
    const error = reply.body?.error;
    return [{ what: 'status', expected: status, actual: reply.status, ...(error === undefined ? {} : { note: JSON.stringify(error) }) }];
  }
  const found: Mismatch[] = [];
  if (e.texts !== undefined && !jsonEqual(e.texts, reply.texts)) found.push({ what: 'texts', expected: e.texts, actual: reply.texts });
  for (const part of listOf(e.textContains)) {
    if (!reply.text.includes(part)) found.push({ what: 'textContains', expected: part, actual: reply.text, note: 'not found in the texts' });
  }
  for (const source of listOf(e.textMatches)) {
    if (new RegExp(source, 'u').test(reply.text)) continue;
    found.push({ what: 'textMatches', expected: source, actual: reply.text, note: 'does not match the texts' });
  }
  for (const [name, value] of Object.entries(e.params ?? {})) checkParam(found, reply, name, value);
  for (const [id, context] of Object.entries(e.contexts ?? {})) checkContext(found, reply, id, context);
  for (const key of ['targetPage', 'targetFlow'] as const) {
    const expected = e[key];
    if (expected !== undefined && !sameTarget(expected, reply[key])) found.push({ what: key, expected, actual: reply[key] });
  }
  for (const [name, state] of Object.entries(e.form ?? {})) {
    if (reply.form[name] !== state) found.push({ what: `form.${name}`, expected: state, actual: reply.form[name] });
  }
  for (const d of e.response === undefined ? [] : diffJson(e.response, reply.body)) {
    found.push({ what: d.path === '' ? 'response' : `response.${d.path}`, expected: d.expected, actual: d.actual });
  }
  return found;
}

function checkContext(found: Mismatch[], reply: Reply, id: string, context: ContextExpectation | null): void {
  const actual = reply.contexts[id.toLowerCase()];
  if (context === null) {
    if (actual?.lifespanCount !== 0) found.push({ what: `contexts.${id}`, expected: { lifespanCount: 0 }, actual, note: 'should be deleted (lifespan 0)' });
    return;
  }
  const lifespanOk = context.lifespanCount === undefined ? (actual?.lifespanCount ?? 0) > 0 : actual?.lifespanCount === context.lifespanCount;
  const paramsOk = Object.entries(context.parameters ?? {}).every(([k, v]) => actual !== undefined && jsonEqual(actual.parameters[k], v));
  if (lifespanOk && paramsOk) return;
  found.push({ what: `contexts.${id}`, expected: context, actual, ...(actual === undefined ? { note: 'not set by the answer' } : {}) });
}

function checkParam(found: Mismatch[], reply: Reply, name: string, value: JsonValue): void {
  const has = Object.hasOwn(reply.params, name);
  const actual = has ? reply.params[name] : undefined;
  if (value === null) {
    if (actual === null || (reply.sessionReplaced && !has)) return;
    const note = has ? 'should be deleted' : 'should be deleted; the answer does not mention it';
    found.push({ what: `params.${name}`, expected: null, actual, note });
  } else if (!jsonEqual(actual, value)) {
    found.push({ what: `params.${name}`, expected: value, actual, ...(has ? {} : { note: 'not set by the answer' }) });
  }
}

/** A full resource name, or its last id: `confirm` matches `…/pages/confirm`. */
function sameTarget(expected: string, actual: string | undefined): boolean {
  if (actual === undefined) return false;
  return expected === actual || (!expected.includes('/') && actual.slice(actual.lastIndexOf('/') + 1) === expected);
}

function listOf(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : typeof value === 'string' ? [value] : value;
}
