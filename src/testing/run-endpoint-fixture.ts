import { setTimeout as delay } from 'node:timers/promises';
import { isJsonObject, jsonEqual } from '../base/json-object.js';
import type { Mismatch } from './check-expectation.js';
import type { EndpointExpectation, EndpointFixture } from './endpoint-fixture.js';
import { toEndpointReply, type EndpointReply } from './endpoint-reply.js';
import { diffJson } from './json-diff.js';
import type { ReplayTarget } from './replay-target.js';

/** What happened on one endpoint call of a fixture. */
export interface EndpointCallOutcome {
  /** `GET /orders/A-1003`, or `call 2 (name)` in a sequence. */
  label: string;
  reply: EndpointReply | undefined;
  mismatches: Mismatch[];
  error: string | undefined;
  attempts: number;
}

/** What happened to an endpoint fixture: every call that ran (a sequence stops at its first failing call). */
export interface EndpointFixtureOutcome {
  fixture: EndpointFixture;
  passed: boolean;
  turns: EndpointCallOutcome[];
  skipped: number;
  ms: number;
}

/** Replays an endpoint fixture's calls in order, checking each answer against its expectation. */
export async function runEndpointFixture(
  fixture: EndpointFixture,
  target: ReplayTarget,
  options: { keepGoing?: boolean; sleep?: (ms: number) => Promise<void>; now?: () => number } = {},
): Promise<EndpointFixtureOutcome> {
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  const started = now();
  const turns: EndpointCallOutcome[] = [];
  for (const [i, entry] of fixture.calls.entries()) {
    if (entry.waitMs !== undefined && entry.waitMs > 0) await sleep(entry.waitMs);
    const what = `${entry.call.method} ${entry.call.path}`;
    const label = fixture.calls.length === 1 ? what : `call ${i + 1} (${entry.name ?? what})`;
    const outcome: EndpointCallOutcome = { label, reply: undefined, mismatches: [], error: undefined, attempts: 1 };
    turns.push(outcome);
    if (target.call === undefined) {
      outcome.error = 'this replay target cannot call endpoints (only the webhook)';
      break;
    }
    try {
      outcome.reply = toEndpointReply(await target.call(entry.call, { ...fixture.headers }));
    } catch (error) {
      outcome.error = error instanceof Error ? error.message : String(error);
      break;
    }
    outcome.mismatches = checkEndpointExpectation(entry.expect, outcome.reply);
    if (outcome.mismatches.length > 0 && options.keepGoing !== true) break;
  }
  const passed = turns.length === fixture.calls.length && turns.every((t) => t.error === undefined && t.mismatches.length === 0);
  return { fixture, passed, turns, skipped: fixture.calls.length - turns.length, ms: Math.round(now() - started) };
}

/** Everything in `expect` the answer does not show; status 200 is expected by default. */
export function checkEndpointExpectation(expect: EndpointExpectation | undefined, reply: EndpointReply): Mismatch[] {
  const status = expect?.status ?? 200;
  if (reply.status !== status) {
    return [{ what: 'status', expected: status, actual: reply.status, ...(reply.error === undefined ? {} : { note: JSON.stringify(reply.error) }) }];
  }
  const found: Mismatch[] = [];
  if (expect?.body !== undefined) {
    for (const d of diffJson(expect.body, reply.body)) found.push({ what: d.path === '' ? 'body' : `body.${d.path}`, expected: d.expected, actual: d.actual });
  }
  for (const [key, value] of Object.entries(expect?.bodyContains ?? {})) {
    const actual = isJsonObject(reply.body) ? reply.body[key] : undefined;
    if (!jsonEqual(actual, value))
      found.push({ what: `bodyContains.${key}`, expected: value, actual, ...(actual === undefined ? { note: 'not in the body' } : {}) });
  }
  return found;
}
