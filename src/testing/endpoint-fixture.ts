import type { JsonObject, JsonValue } from '../generated/types.js';

/** One call of an endpoint, as a fixture or the test client gives it. */
export interface EndpointRequest {
  method: string;
  /** The request path: `/orders/A-1003`. */
  path: string;
  /** Query parameters (a list repeats the name), or the query string without its `?`. */
  query?: Readonly<Record<string, string | readonly string[]>> | string;
  headers?: Readonly<Record<string, string>>;
  /** The JSON body; absent for a call without one. */
  body?: JsonValue;
}

/** What the answer to an endpoint call must show. Every key is optional; status 200 is expected by default. */
export interface EndpointExpectation {
  status?: number;
  /** The whole body, compared as JSON (key order does not matter). */
  body?: JsonValue;
  /** Fields the body must have, compared as JSON where given (extra fields are fine). */
  bodyContains?: JsonObject;
}

/** One call of an endpoint fixture. */
export interface EndpointFixtureCall {
  name?: string;
  call: EndpointRequest;
  expect?: EndpointExpectation;
  /** Pause before sending, in ms. */
  waitMs?: number;
}

/**
 * A fixture of endpoint calls (`{ "call": {…}, "expect": {…} }`, or `{ "turns": [{ "call" … }] }`):
 * what the recorder writes for endpoint calls, and what `fulfiller replay` runs against them.
 */
export interface EndpointFixture {
  file: string;
  kind: 'endpoint';
  name: string | undefined;
  /** Headers sent with every call. */
  headers: Record<string, string>;
  calls: EndpointFixtureCall[];
  /** The document as read, for `--update` to write back. */
  document: JsonObject;
}
