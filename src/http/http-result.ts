import type { FulfillerError } from '../errors.js';

/** What every adapter writes to the wire: status, headers and a body. */
export interface HttpResult {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** A JSON answer. */
export function jsonResult(status: number, body: string, headers: Record<string, string> = {}): HttpResult {
  const all: Record<string, string> = { 'content-type': JSON_TYPE };
  for (const name of Object.keys(headers)) all[name] = headers[name]!; // not a spread: see withRoute in core/run-turn.ts
  return { status, headers: all, body };
}

/** The JSON error answer for a coded error: its code, message and field path, nothing else. */
export function errorResult(error: FulfillerError, headers: Record<string, string> = {}): HttpResult {
  return jsonResult(error.status, JSON.stringify(error.toJSON()), headers);
}
