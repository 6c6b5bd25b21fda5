import { isJsonObject } from '../base/json-object.js';
import type { JsonValue } from '../generated/types.js';
import type { HttpResult } from '../http/http-result.js';

/** An endpoint's answer, as a test reads it. */
export interface EndpointReply {
  status: number;
  headers: Readonly<Record<string, string>>;
  /** The parsed JSON body; undefined when it is not JSON. */
  body: JsonValue | undefined;
  /** The error of an error answer: `{ code, message, path? }`. */
  error: { code: string; message: string; path?: string } | undefined;
  /** The body as sent. */
  text: string;
}

/** Reads an HTTP answer into an EndpointReply. */
export function toEndpointReply(result: HttpResult): EndpointReply {
  let body: JsonValue | undefined;
  try {
    body = JSON.parse(result.body) as JsonValue;
  } catch {
    body = undefined;
  }
  const error = isJsonObject(body) && isJsonObject(body.error) && result.status >= 400 ? (body.error as unknown as EndpointReply['error']) : undefined;
  return { status: result.status, headers: result.headers, body, error, text: result.body };
}
