import { setTimeout as delay } from 'node:timers/promises';
import type { JsonObject } from '../generated/types.js';
import type { HttpResult } from '../http/http-result.js';
import { validateSchema, type ApiVersion } from '../schema/validate.js';
import { captureFrom, fillCaptures, fillExpectation } from './captures.js';
import { checkExpectation, type Mismatch } from './check-expectation.js';
import type { Fixture, FixtureTurn } from './fixture.js';
import { isJsonObject } from '../base/json-object.js';
import { redactJson } from '../recording/redact.js';
import type { ReplayTarget } from './replay-target.js';
import { routeOf } from '../recording/route-of.js';
import { toReply, type Reply } from './reply.js';
import { SessionSimulator } from './session-simulator.js';
import type { Dialect } from '../base/dialect.js';
import type { EndpointFixture } from './endpoint-fixture.js';
import { runEndpointFixture, type EndpointFixtureOutcome } from './run-endpoint-fixture.js';

/** What happened on one turn. */
export interface TurnOutcome {
  /** `turn 2 (report.status)` */
  label: string;
  /** The request as sent, with the session state carried in. */
  request: JsonObject | undefined;
  reply: Reply | undefined;
  mismatches: Mismatch[];
  /** Why the turn could not be checked: a network failure, a capture that found nothing... */
  error: string | undefined;
  attempts: number;
}

/** What happened to a fixture: every turn that ran (a conversation stops at its first failing turn). */
export interface FixtureOutcome {
  fixture: Fixture;
  passed: boolean;
  turns: TurnOutcome[];
  /** Turns left out because an earlier one failed. */
  skipped: number;
  /** The values captured from the answers, by name. */
  captured: ReadonlyMap<string, string>;
  ms: number;
}

export interface RunFixtureOptions {
  /** Sees every answer as received (before redaction), e.g. to capture it for Google's parser. */
  onResponse?: (dialect: Dialect, result: HttpResult) => void;
  /** Run every turn even when one fails (`--update` refreshes them all). */
  keepGoing?: boolean;
  /** Pause between the attempts of a turn with `retryMs`. Default 250 ms. */
  retryEveryMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Milliseconds, for timings and retry limits. Default `performance.now()`. */
  now?: () => number;
}

/**
 * Replays a fixture on a target, turn by turn: captured values filled in, session state carried
 * between turns, every answer checked against the response schema and the turn's expectation
 * (retried while `retryMs` allows).
 */
export function runFixture(fixture: Fixture, target: ReplayTarget, options?: RunFixtureOptions): Promise<FixtureOutcome>;
export function runFixture(fixture: EndpointFixture, target: ReplayTarget, options?: RunFixtureOptions): Promise<EndpointFixtureOutcome>;
export function runFixture(
  fixture: Fixture | EndpointFixture,
  target: ReplayTarget,
  options?: RunFixtureOptions,
): Promise<FixtureOutcome | EndpointFixtureOutcome>;
export function runFixture(
  fixture: Fixture | EndpointFixture,
  target: ReplayTarget,
  options: RunFixtureOptions = {},
): Promise<FixtureOutcome | EndpointFixtureOutcome> {
  if (fixture.kind === 'endpoint') return runEndpointFixture(fixture, target, options);
  return runWebhookFixture(fixture, target, options);
}

async function runWebhookFixture(fixture: Fixture, target: ReplayTarget, options: RunFixtureOptions): Promise<FixtureOutcome> {
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  const started = now();
  const simulator = new SessionSimulator(fixture.dialect);
  const captured = new Map<string, string>();
  const turns: TurnOutcome[] = [];
  for (const [i, turn] of fixture.turns.entries()) {
    if (turn.waitMs !== undefined && turn.waitMs > 0) await sleep(turn.waitMs);
    const outcome = await runTurn(fixture, turn, i, target, simulator, captured, { ...options, now, sleep });
    turns.push(outcome);
    // Later turns need what this one captures; without it they cannot run, not even to be updated.
    const uncaptured = outcome.mismatches.some((m) => m.what.startsWith('capture.'));
    if (outcome.error !== undefined || uncaptured || (outcome.mismatches.length > 0 && !options.keepGoing)) break;
    for (const [name, value] of captureFrom(turn.capture ?? {}, outcome.reply!.text).values) captured.set(name, value);
    simulator.apply(outcome.request!, outcome.reply?.status === 200 ? outcome.reply.body : undefined);
  }
  const passed = turns.length === fixture.turns.length && turns.every((t) => t.error === undefined && t.mismatches.length === 0);
  return { fixture, passed, turns, skipped: fixture.turns.length - turns.length, captured, ms: Math.round(now() - started) };
}

type Run = RunFixtureOptions & { now: () => number; sleep: (ms: number) => Promise<void> };

async function runTurn(
  fixture: Fixture,
  turn: FixtureTurn,
  index: number,
  target: ReplayTarget,
  simulator: SessionSimulator,
  captured: ReadonlyMap<string, string>,
  options: Run,
): Promise<TurnOutcome> {
  const request = simulator.prepare(fillCaptures(turn.request, captured));
  const route = routeOf(fixture.dialect, request);
  const label = fixture.turns.length === 1 ? route : `turn ${index + 1} (${turn.name ?? route})`;
  const outcome: TurnOutcome = { label, request, reply: undefined, mismatches: [], error: undefined, attempts: 0 };
  const valid = validateSchema(fixture.dialect, 'request', request);
  if (!valid.ok) {
    const issue = valid.issues[0]!;
    return { ...outcome, error: `the request with the session carried in is invalid: ${issue.path}: ${issue.message}` };
  }
  const headers = { 'content-type': 'application/json', ...fixture.headers, ...fillCaptures(turn.headers, captured) };
  const body = JSON.stringify(request);
  const deadline = options.now() + (turn.retryMs ?? 0);
  for (;;) {
    outcome.attempts++;
    let result: HttpResult;
    try {
      result = await target.send(body, headers);
    } catch (error) {
      return { ...outcome, error: error instanceof Error ? error.message : String(error) };
    }
    options.onResponse?.(fixture.dialect, result);
    const schema = schemaMismatches(fixture.dialect, result, target.apiVersion?.[fixture.dialect]);
    outcome.reply = toReply(fixture.dialect, request, fixture.redact === undefined ? result : redacted(result, fixture), target.sessionContext);
    const caught = captureFrom(turn.capture ?? {}, outcome.reply.text);
    const expect = fillExpectation(turn.expect, new Map([...captured, ...caught.values]));
    const uncaught = caught.missing.map((name): Mismatch => {
      return { what: `capture.${name}`, expected: turn.capture![name], actual: outcome.reply!.text, note: 'the pattern found nothing in the texts' };
    });
    outcome.mismatches = [...schema, ...checkExpectation(expect, outcome.reply), ...uncaught];
    if (outcome.mismatches.length === 0 || options.now() >= deadline) break;
    await options.sleep(options.retryEveryMs ?? 250);
  }
  return outcome;
}

/** Every 200 answer must be a valid WebhookResponse: a schema failure is a fixture failure. */
function schemaMismatches(dialect: Dialect, result: HttpResult, version: string | undefined): Mismatch[] {
  if (result.status !== 200) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(result.body);
  } catch {
    return [{ what: 'response', expected: 'a JSON WebhookResponse', actual: result.body.slice(0, 200), note: 'the body is not JSON' }];
  }
  const ga = version === 'v3' || version === 'v2' || version === undefined;
  const check = validateSchema(dialect, 'response', parsed, ga ? undefined : { version: version as ApiVersion });
  if (check.ok) return [];
  const issue = check.issues[0]!;
  const what = `response schema${issue.path === '' ? '' : ` at ${issue.path}`}`;
  return [{ what, expected: `a valid ${dialect.toUpperCase()} WebhookResponse`, actual: undefined, note: issue.message }];
}

function redacted(result: HttpResult, fixture: Fixture): HttpResult {
  try {
    const parsed: unknown = JSON.parse(result.body);
    return isJsonObject(parsed) ? { ...result, body: JSON.stringify(redactJson(parsed, fixture.redact)) } : result;
  } catch {
    return result;
  }
}
