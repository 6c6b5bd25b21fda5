import { isJsonObject } from '../base/json-object.js';
import type { JsonObject } from '../generated/types.js';
import type { EndpointExpectation, EndpointFixture, EndpointFixtureCall, EndpointRequest } from './endpoint-fixture.js';
import { check, type Fail } from './shape.js';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const DOCUMENT_KEYS = ['name', 'description', 'note', 'headers', 'call', 'expect', 'waitMs', 'turns'];
const TURN_KEYS = ['name', 'call', 'expect', 'waitMs'];
const CALL_KEYS = ['method', 'path', 'query', 'headers', 'body'];
const EXPECT_KEYS = ['status', 'body', 'bodyContains'];

/** Whether a fixture document holds endpoint calls (`call`) rather than webhook requests. */
export function isEndpointDocument(document: JsonObject): boolean {
  if (Object.hasOwn(document, 'call')) return true;
  return Array.isArray(document.turns) && isJsonObject(document.turns[0]) && Object.hasOwn(document.turns[0], 'call');
}

/**
 * Checks a fixture of endpoint calls: `{ "call": { "method", "path", "query"?, "body"? }, "expect": { "status", "body" } }`,
 * or `{ "turns": [ … ] }` of such calls, run in order. Every mistake names the field.
 */
export function parseEndpointFixture(
  document: JsonObject,
  file: string,
  fail: Fail,
  knownKeys: (value: JsonObject, at: string, known: readonly string[]) => void,
): EndpointFixture {
  knownKeys(document, '', DOCUMENT_KEYS);
  const single = !Object.hasOwn(document, 'turns');
  const raw = single ? [document] : document.turns;
  if (!Array.isArray(raw) || raw.length === 0) return fail('turns', 'must be a non-empty list of calls');
  const calls = raw.map((item, i): EndpointFixtureCall => {
    const at = single ? '' : `turns[${i}]`;
    if (!isJsonObject(item)) return fail(at, 'a turn is an object: { "call": {...}, "expect": {...} }');
    if (!single) knownKeys(item, at, TURN_KEYS);
    const entry: EndpointFixtureCall = { call: callOf(item.call, join(at, 'call'), fail, knownKeys) };
    if (!single && item.name !== undefined) entry.name = check.string(item.name, join(at, 'name'), fail);
    if (item.expect !== undefined) entry.expect = expectationOf(item.expect, join(at, 'expect'), fail, knownKeys);
    if (item.waitMs !== undefined) entry.waitMs = check.integer(item.waitMs, join(at, 'waitMs'), 0, 600_000, fail);
    return entry;
  });
  const headers = document.headers === undefined ? {} : check.stringMap(document.headers, 'headers', fail);
  return {
    file,
    kind: 'endpoint',
    name: document.name === undefined ? undefined : check.string(document.name, 'name', fail),
    headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
    calls,
    document,
  };
}

function callOf(value: unknown, at: string, fail: Fail, knownKeys: (value: JsonObject, at: string, known: readonly string[]) => void): EndpointRequest {
  if (!isJsonObject(value)) return fail(at, 'is required: { "method": "GET", "path": "/orders/A-1003" }');
  knownKeys(value, at, CALL_KEYS);
  const method = check.string(value.method, join(at, 'method'), fail).toUpperCase();
  if (!METHODS.includes(method)) fail(join(at, 'method'), `must be one of ${METHODS.join(', ')}`);
  const path = check.string(value.path, join(at, 'path'), fail);
  if (!path.startsWith('/')) fail(join(at, 'path'), 'must start with "/"');
  const call: EndpointRequest = { method, path };
  if (typeof value.query === 'string') call.query = value.query;
  else if (value.query !== undefined) {
    if (!isJsonObject(value.query)) return fail(join(at, 'query'), 'must be an object of strings (or lists of strings), or a query string');
    for (const [name, item] of Object.entries(value.query)) {
      if (typeof item !== 'string' && !(Array.isArray(item) && item.every((v) => typeof v === 'string')))
        fail(join(at, `query.${name}`), 'must be a string or a list of strings');
    }
    call.query = value.query as Record<string, string | string[]>;
  }
  if (value.headers !== undefined) call.headers = check.stringMap(value.headers, join(at, 'headers'), fail);
  if (Object.hasOwn(value, 'body')) call.body = value.body!;
  return call;
}

function expectationOf(
  value: unknown,
  at: string,
  fail: Fail,
  knownKeys: (value: JsonObject, at: string, known: readonly string[]) => void,
): EndpointExpectation {
  if (!isJsonObject(value)) return fail(at, 'an expectation is an object: { "status": 200, "body": {...} }');
  knownKeys(value, at, EXPECT_KEYS);
  const expect: EndpointExpectation = {};
  if (value.status !== undefined) expect.status = check.integer(value.status, join(at, 'status'), 100, 599, fail);
  if (Object.hasOwn(value, 'body')) expect.body = value.body!;
  if (value.bodyContains !== undefined) {
    if (!isJsonObject(value.bodyContains)) return fail(join(at, 'bodyContains'), 'must be an object of the fields the body must have');
    expect.bodyContains = value.bodyContains;
  }
  return expect;
}

function join(at: string, key: string): string {
  return at === '' ? key : `${at}.${key}`;
}
