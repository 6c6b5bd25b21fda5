import type { Caller } from '../auth/verifier.js';
import type { Headers } from '../http/headers.js';
import type { HttpRequest } from '../http/gateway.js';
import type { Logger } from '../logging/logger.js';
import type { EndpointCall, EndpointMethod } from './endpoint.js';
import type { Endpoint } from './endpoints.js';

/** What an endpoint call learnt before its handler runs. */
export interface CheckedCall {
  body: unknown;
  params: unknown;
  query: unknown;
  caller: Caller | undefined;
  log: Logger;
  requestId: string;
}

/**
 * The `call` an endpoint handler receives. Like the webhook's turn, it makes its
 * AbortController only when the handler first reads `signal` (most handlers never do).
 */
export class EndpointContext implements EndpointCall {
  readonly body: unknown;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string | string[]>>;
  readonly headers: Headers;
  readonly caller: Caller | undefined;
  readonly log: Logger;
  readonly requestId: string;
  readonly method: EndpointMethod;
  readonly path: string;
  private controller: AbortController | undefined;

  constructor(
    endpoint: Endpoint,
    request: HttpRequest,
    checked: CheckedCall,
    readonly deadline: number,
  ) {
    this.body = checked.body;
    this.params = checked.params as Readonly<Record<string, string>>;
    this.query = checked.query as Readonly<Record<string, string | string[]>>;
    this.headers = request.headers;
    this.caller = checked.caller;
    this.log = checked.log;
    this.requestId = checked.requestId;
    this.method = endpoint.method;
    this.path = request.path;
  }

  get signal(): AbortSignal {
    this.controller ??= new AbortController();
    return this.controller.signal;
  }

  /** Aborts the signal, if the handler ever asked for it. */
  abort(reason: unknown): void {
    this.controller?.abort(reason);
  }
}
