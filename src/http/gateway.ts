import type { Logger } from '../logging/logger.js';
import type { ClientCertificate } from './client-certificate.js';
import type { Headers } from './headers.js';
import type { HttpResult } from './http-result.js';
import type { BodyInput } from './json-body.js';

/**
 * One HTTP request, as an adapter hands it to an app: what node:http, Express, Cloud Functions
 * and the Fetch API all have. The body is read only when the app asks for it, after the checks
 * that need none (method, content type, declared length).
 */
export interface HttpRequest {
  readonly method: string;
  /** The path without the query string: `/webhook`; in a framework, relative to the mount point. */
  readonly path: string;
  /** The query string without its `?`; '' when there is none. */
  readonly query: string;
  /** Lower-case names, one string each (`normalizeHeaders`). */
  readonly headers: Headers;
  /**
   * Reads the body, refusing it past `limit` bytes (ERR_BODY_TOO_LARGE). An adapter may refuse
   * it with another coded error once it is in (the standalone server's ERR_OVERLOADED).
   */
  body(limit: number): Promise<BodyInput>;
  /**
   * Where the webhook is: `/webhook` on the standalone server. Undefined in a framework, where
   * the app is mounted at the webhook's URL: every path no endpoint claims is the webhook (only
   * for POST once the app has endpoints, so that other routes of the host app reach `next()`).
   */
  readonly webhookPath?: string | undefined;
  /** The client certificate of a verified mutual TLS connection; the caller becomes `mtls`. */
  readonly clientCertificate?: ClientCertificate | undefined;
  /** Whether the app answers `GET /healthz`, `/readyz` and `/metrics` (the standalone server). */
  readonly probes?: boolean | undefined;
}

/**
 * What the adapters (node:http, Express, Cloud Functions, fetch) and graceful shutdown need of
 * an app: an app is one, and so is anything else that answers HTTP requests the same way.
 */
export interface Gateway {
  /** False once closing has begun: readiness probes answer 503. */
  readonly ready: boolean;
  readonly logger: Logger;
  /** Answers a request; undefined when no path of the app is meant (a framework then calls `next()`). */
  serve(request: HttpRequest): Promise<HttpResult | undefined>;
  /** Stops taking new calls, lets those in flight finish within `graceMs`, and closes what the app holds. */
  close(options?: { graceMs?: number }): Promise<void>;
}
