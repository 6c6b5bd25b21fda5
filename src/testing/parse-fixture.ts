import { detectDialect } from '../dialects/detect.js';
import { FulfillerError, InvalidFixtureError } from '../errors.js';
import type { JsonObject } from '../generated/types.js';
import { closestName } from '../schema/closest-name.js';
import { validateSchema } from '../schema/validate.js';
import { placeholders } from './captures.js';
import type { Fixture, FixtureTurn } from './fixture.js';
import { isJsonObject } from '../base/json-object.js';
import { parseExpectation } from './parse-expectation.js';
import type { RedactOptions } from '../recording/redact.js';
import { check, named, type Fail } from './shape.js';
import type { EndpointFixture } from './endpoint-fixture.js';
import { isEndpointDocument, parseEndpointFixture } from './parse-endpoint-fixture.js';
import type { Dialect } from '../base/dialect.js';

const TURN_KEYS = ['name', 'request', 'headers', 'expect', 'capture', 'waitMs', 'retryMs'];
const CONVERSATION_KEYS = ['name', 'description', 'note', 'headers', 'redact', 'turns'];
const SINGLE_KEYS = ['name', 'description', 'note', 'headers', 'redact', 'request', 'expect', 'capture', 'waitMs', 'retryMs'];
const REDACT_KEYS = ['names', 'phones', 'emails', 'cards', 'params', 'patterns'];
const MAX_MS = 600_000;

/**
 * Checks a fixture document and returns it as turns. A plain WebhookRequest is a fixture of one
 * turn; its expectation, if any, comes from its sibling `.expect.json` file. Every request is
 * checked against its dialect's schema; every mistake names the file and the field.
 */
export function parseFixture(document: unknown, file: string, sibling?: { file: string; document: unknown }): Fixture {
  const parsed = parseAnyFixture(document, file, sibling);
  if (parsed.kind === 'endpoint') throw new InvalidFixtureError(file, 'call', 'holds endpoint calls, not webhook requests: read it with parseAnyFixture()');
  return parsed;
}

/** A fixture of either kind: webhook requests (`request`, or a plain WebhookRequest) or endpoint calls (`call`). */
export function parseAnyFixture(document: unknown, file: string, sibling?: { file: string; document: unknown }): Fixture | EndpointFixture {
  const fail: Fail = (path, message) => {
    throw new InvalidFixtureError(file, path, message);
  };
  if (!isJsonObject(document))
    return fail('', 'a fixture is a JSON object: a WebhookRequest, { "request", "expect" }, { "call", "expect" } or { "turns": [...] }');
  if (isEndpointDocument(document)) return parseEndpointFixture(document, file, fail, (value, at, known) => knownKeys(value, at, known, fail));
  if (!Object.hasOwn(document, 'request') && !Object.hasOwn(document, 'turns')) {
    const dialect = dialectOf(document, '', fail);
    checkRequest(dialect, document, '', fail);
    const failSibling: Fail = (path, message) => {
      throw new InvalidFixtureError(sibling?.file ?? file, path, message);
    };
    const expect = sibling === undefined ? undefined : parseExpectation(sibling.document, '', dialect, failSibling);
    const turn: FixtureTurn = { request: document, ...(expect === undefined ? {} : { expect }) };
    const expectation = isJsonObject(sibling?.document) ? sibling.document : {};
    return { file, kind: 'plain', name: undefined, dialect, headers: {}, turns: [turn], redact: undefined, document: expectation };
  }

  const single = !Object.hasOwn(document, 'turns');
  knownKeys(document, '', single ? SINGLE_KEYS : CONVERSATION_KEYS, fail);
  const rawTurns = single ? [document] : document.turns;
  if (!Array.isArray(rawTurns) || rawTurns.length === 0) return fail('turns', 'must be a non-empty list of turns');
  const turns: FixtureTurn[] = [];
  let dialect: Dialect | undefined;
  const captured = new Set<string>();
  rawTurns.forEach((raw, i) => {
    const at = single ? '' : `turns[${i}]`;
    const turn = parseTurn(raw, at, single, fail);
    const turnDialect = dialectOf(turn.request, join(at, 'request'), fail);
    if (dialect !== undefined && turnDialect !== dialect) {
      fail(join(at, 'request'), `is ${named(turnDialect)} request, but the conversation is ${dialect.toUpperCase()}`);
    }
    dialect = turnDialect;
    checkRequest(dialect, turn.request, join(at, 'request'), fail);
    if (turn.expect !== undefined) turn.expect = parseExpectation(turn.expect, join(at, 'expect'), dialect, fail);
    for (const name of placeholders([turn.request, turn.headers ?? {}])) {
      if (!captured.has(name)) fail(at, `uses {{${name}}}, which no earlier turn captures`);
    }
    // An expectation may also use what its own turn captures: "the number it says is the one it keeps".
    for (const name of Object.keys(turn.capture ?? {})) captured.add(name);
    for (const name of placeholders(turn.expect ?? {})) {
      if (!captured.has(name)) fail(join(at, 'expect'), `uses {{${name}}}, which neither this turn nor an earlier one captures`);
    }
    turns.push(turn);
  });
  return {
    file,
    kind: 'fixture',
    name: optionalString(document.name, 'name', fail),
    dialect: dialect!,
    headers: headersOf(document.headers, 'headers', fail),
    turns,
    redact: redactOf(document.redact, fail),
    document,
  };
}

function parseTurn(raw: unknown, at: string, single: boolean, fail: Fail): FixtureTurn {
  if (!isJsonObject(raw)) return fail(at, 'a turn is an object: { "request": {...}, "expect": {...} }');
  if (!single) knownKeys(raw, at, TURN_KEYS, fail);
  if (!isJsonObject(raw.request)) return fail(join(at, 'request'), 'is required: the WebhookRequest of this turn');
  const turn: FixtureTurn = { request: raw.request };
  // A single-turn fixture's name and headers are the fixture's own.
  if (!single && raw.name !== undefined) turn.name = check.string(raw.name, join(at, 'name'), fail);
  if (!single && raw.headers !== undefined) turn.headers = headersOf(raw.headers, join(at, 'headers'), fail);
  if (raw.expect !== undefined) turn.expect = raw.expect as FixtureTurn['expect'];
  if (raw.capture !== undefined) turn.capture = check.patterns(raw.capture, join(at, 'capture'), fail);
  if (raw.waitMs !== undefined) turn.waitMs = check.integer(raw.waitMs, join(at, 'waitMs'), 0, MAX_MS, fail);
  if (raw.retryMs !== undefined) turn.retryMs = check.integer(raw.retryMs, join(at, 'retryMs'), 0, MAX_MS, fail);
  return turn;
}

function dialectOf(request: JsonObject, at: string, fail: Fail): Dialect {
  try {
    return detectDialect(request);
  } catch (error) {
    if (!(error instanceof FulfillerError)) throw error;
    const marks = 'a CX request (detectIntentResponseId, fulfillmentInfo, sessionInfo...) nor an ES request (responseId, queryResult, session...)';
    return fail(at, `is neither ${marks}`);
  }
}

function checkRequest(dialect: Dialect, request: JsonObject, at: string, fail: Fail): void {
  const result = validateSchema(dialect, 'request', request);
  if (!result.ok) {
    const issue = result.issues[0]!;
    fail(join(at, issue.path), `${issue.message} (${dialect.toUpperCase()} WebhookRequest schema)`);
  }
}

function headersOf(value: unknown, at: string, fail: Fail): Record<string, string> {
  if (value === undefined) return {};
  const headers = check.stringMap(value, at, fail);
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

function redactOf(value: unknown, fail: Fail): RedactOptions | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return {};
  if (!isJsonObject(value)) return fail('redact', 'must be true, or an object such as { "phones": false, "params": ["account_id"] }');
  knownKeys(value, 'redact', REDACT_KEYS, fail);
  const options: RedactOptions = {};
  for (const key of ['names', 'phones', 'emails', 'cards'] as const) {
    if (value[key] !== undefined) options[key] = check.boolean(value[key], `redact.${key}`, fail);
  }
  if (value.params !== undefined) options.params = check.strings(value.params, 'redact.params', fail);
  if (value.patterns !== undefined) options.patterns = check.regexList(value.patterns, 'redact.patterns', fail);
  return options;
}

function optionalString(value: unknown, at: string, fail: Fail): string | undefined {
  return value === undefined ? undefined : check.string(value, at, fail);
}

/** Refuses keys the format does not have, with the closest known one as a hint. */
export function knownKeys(value: JsonObject, at: string, known: readonly string[], fail: Fail): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const hint = closestName(key, known);
    fail(join(at, key), `is not part of the fixture format${hint === undefined ? ` (known: ${known.join(', ')})` : `: did you mean "${hint}"?`}`);
  }
}

/** `a.b`, or `b` at the root. */
export function join(at: string, key: string): string {
  return at === '' ? key : `${at}.${key}`;
}
