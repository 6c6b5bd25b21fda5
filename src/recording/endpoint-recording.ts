import { isJsonObject } from '../base/json-object.js';
import type { JsonObject, JsonValue } from '../generated/types.js';
import type { Exchange } from '../telemetry/exchange.js';
import { keptHeaders } from './normalize-recording.js';
import { personalValuesIn, redactJson, type RedactOptions } from './redact.js';

/**
 * An answered endpoint call as a fixture document (`{ call, expect }`), for `fulfiller replay`:
 * the method, path, query and body sent, and the status and body answered. Credentials and
 * transport headers are left out; personal data is masked in both bodies, the same way.
 */
export function endpointRecording(exchange: Exchange, redact: RedactOptions | false | undefined): JsonObject | undefined {
  const endpoint = exchange.endpoint;
  if (endpoint === undefined) return undefined;
  let answer: JsonValue | undefined;
  try {
    answer = JSON.parse(exchange.body) as JsonValue;
  } catch {
    return undefined;
  }
  const call: JsonObject = { method: endpoint.method, path: endpoint.path };
  if (endpoint.query !== '') call.query = endpoint.query;
  if (endpoint.body !== undefined) call.body = endpoint.body as JsonValue;
  const headers = keptHeaders(exchange.headers);
  const document: JsonObject = { name: `${endpoint.method} ${endpoint.template} (recorded)` };
  if (Object.keys(headers).length > 0) document.headers = headers;
  document.call = call;
  document.expect = { status: exchange.status, body: answer };
  if (redact === false) return document;
  const personal = new Map([...personalValuesIn(endpoint.body, redact), ...personalValuesIn(answer, redact)]);
  const masked = redactJson(document, redact, personal);
  // A masked path or query would call another resource: keep them, and say so.
  if (isJsonObject(masked.call)) {
    masked.call.path = endpoint.path;
    if (endpoint.query !== '') masked.call.query = endpoint.query;
  }
  return masked;
}
