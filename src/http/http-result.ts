import { asCoded } from '../base/as-coded.js';
import { InternalError } from '../errors.js';

/** What every adapter writes to the wire: status, headers and a body. */
export interface HttpResult {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** A JSON answer. */
export function jsonResult(status: number, body: string, headers: Readonly<Record<string, string>> = {}): HttpResult {
  const all: Record<string, string> = { 'content-type': JSON_TYPE };
  for (const name of Object.keys(headers)) all[name] = headers[name]!; // not a spread: see WebhookCall.answered in core/webhook-call.ts
  return { status, headers: all, body };
}

/**
 * The one mapping from an error to what the caller receives. A coded error answers with its
 * status, its own headers (`Allow`, `Retry-After`, …) and `{ error: { code, message, path } }`;
 * anything else is a bug, answered as ERR_INTERNAL without a word of its message (the caller of
 * this logs it). `headers` are added (the request id).
 */
export function errorResult(error: unknown, headers?: Readonly<Record<string, string>>): HttpResult {
  const coded = asCoded(error) ?? new InternalError();
  const all = headers === undefined ? coded.headers : { ...coded.headers, ...headers };
  return jsonResult(coded.status, JSON.stringify(coded.toJSON()), all);
}
