import type { Headers } from '../http/headers.js';
import type { RouteKind } from '../base/app-types.js';
import type { Dialect } from '../base/dialect.js';

/**
 * How a webhook call ended. `empty`: a route's handlers finished without saying or changing
 * anything, which is what a promise nobody awaited looks like.
 */
export type Outcome = 'handled' | 'empty' | 'fallback' | 'timeout' | 'error' | 'invalid-response' | 'refused';

/** What an endpoint call adds to its exchange: which endpoint, and the request as it came. */
export interface EndpointExchange {
  readonly method: string;
  /** The endpoint's path template: `/orders/{orderNumber}`. */
  readonly template: string;
  /** The request path as received: `/orders/A-1003`. */
  readonly path: string;
  /** The query string without its `?`. */
  readonly query: string;
  /** The parsed JSON body; undefined when there was none, or it did not parse. */
  readonly body: unknown;
}

/**
 * One finished call, as observers see it (metrics, recording, logs): what came in, what went
 * out, and how it ended. `request` is the parsed webhook body when it parsed; an endpoint call
 * has `endpoint` instead, and no dialect.
 */
export interface Exchange {
  readonly requestId: string;
  readonly dialect: Dialect | undefined;
  readonly headers: Headers;
  readonly request: Readonly<Record<string, unknown>> | undefined;
  readonly status: number;
  /** The response body as sent. */
  readonly body: string;
  readonly outcome: Outcome;
  /** The route that handled it: its kind and the key that matched (tag, intent or action). */
  readonly route: { kind: RouteKind; key: string } | undefined;
  /** Time from the start of `handle()` to the answer, in ms. */
  readonly ms: number;
  /** The code of the error behind a refusal or an apology, if any. */
  readonly errorCode: string | undefined;
  /** Set for a call of an endpoint (`app.endpoint()`) rather than the webhook. */
  readonly endpoint?: EndpointExchange | undefined;
}

/** Called after every webhook call; must not throw (a throw is logged and ignored). */
export type ExchangeObserver = (exchange: Exchange) => void;
