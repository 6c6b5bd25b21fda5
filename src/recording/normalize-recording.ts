import type { JsonObject, JsonValue } from '../generated/types.js';
import { field, isJsonObject } from '../base/json-object.js';
import type { Dialect } from '../base/dialect.js';
import { isSecretHeader } from '../privacy/personal-keys.js';

/** The session id a recording gets unless told otherwise, so that replays do not depend on Dialogflow's ids. */
export const RECORDED_SESSION = 'recorded-session';
/** What volatile ids and timestamps become. */
export const RECORDED = 'recorded';

// Credentials never reach a fixture (replay adds its own), nor do transport and tracing headers.
const TRANSPORT_HEADERS = new Set([
  'host',
  'content-type',
  'content-length',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'accept-encoding',
  'accept',
  'user-agent',
  'date',
  'expect',
  'forwarded',
  'via',
  'traceparent',
  'tracestate',
  'x-cloud-trace-context',
  'x-request-id',
  'webhook-id',
  'webhook-timestamp',
  'accept-language',
  'cache-control',
  'pragma',
  'priority',
  'origin',
  'referer',
]);
const VOLATILE_KEY = /timestamp|^request_?id$/i;

/** A recorded call with what changes on every call taken out. */
export interface NormalizedCall {
  headers: Record<string, string>;
  request: JsonObject;
  response: JsonObject;
}

/**
 * Takes the volatile parts out of a recorded call, so that a replay compares only what matters:
 * the response id, the session id (everywhere it appears: context and entity names too),
 * timestamps and request ids; credentials and transport headers are dropped.
 */
export function normalizeRecording(
  dialect: Dialect,
  headers: Readonly<Record<string, string | undefined>>,
  request: JsonObject,
  response: JsonObject,
  sessionId: string = RECORDED_SESSION,
): NormalizedCall {
  const session = dialect === 'cx' ? field(request, 'sessionInfo', 'session') : request.session;
  const from = typeof session === 'string' && session.includes('/sessions/') ? session : undefined;
  const to = from === undefined ? undefined : `${from.slice(0, from.lastIndexOf('/sessions/'))}/sessions/${sessionId}`;
  const walk = (node: JsonValue, key: string | undefined): JsonValue => {
    if (key !== undefined && VOLATILE_KEY.test(key)) {
      if (typeof node === 'string') return RECORDED;
      if (typeof node === 'number') return 0;
    }
    if (typeof node === 'string') return from === undefined ? node : node.split(from).join(to!);
    if (Array.isArray(node)) return node.map((item) => walk(item, undefined));
    if (isJsonObject(node)) return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, k)]));
    return node;
  };
  const normalizedRequest = walk(request, undefined) as JsonObject;
  if (dialect === 'cx' && normalizedRequest.detectIntentResponseId !== undefined) normalizedRequest.detectIntentResponseId = RECORDED;
  if (dialect === 'es' && normalizedRequest.responseId !== undefined) normalizedRequest.responseId = RECORDED;
  return { headers: keptHeaders(headers), request: normalizedRequest, response: walk(response, undefined) as JsonObject };
}

/** The headers a fixture keeps: no credentials, transport or tracing headers. */
export function keptHeaders(headers: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const kept = Object.entries(headers).filter(
    (entry): entry is [string, string] =>
      entry[1] !== undefined && !TRANSPORT_HEADERS.has(entry[0]) && !isSecretHeader(entry[0]) && !/^(x-forwarded-|sec-)/.test(entry[0]),
  );
  return Object.fromEntries(kept);
}
