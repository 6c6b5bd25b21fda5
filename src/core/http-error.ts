import { EndpointError, InvalidArgumentError } from '../errors.js';

/** What `httpError()` may add to a status and a message. */
export interface HttpErrorOptions {
  /** A stable code for the caller to test: `ORDER_NOT_FOUND`. Default `ERR_HTTP_<status>`. */
  code?: string;
  /** The field the error is about, when there is one. */
  path?: string;
  /** Headers of the answer: `{ 'retry-after': '30' }`. */
  headers?: Readonly<Record<string, string>>;
  cause?: unknown;
}

/**
 * The error an endpoint handler throws to answer with a status of its own. The caller gets
 * `{ error: { code, message, path? } }`; a 4xx is the handler's answer (logged at info), a 5xx
 * is logged as a failure. In a flexible webhook, the agent sees the status as
 * `$request.webhook_status_code` and fires `webhook.error` (docs/endpoints.md).
 *
 *   throw httpError(404, `No order ${params.orderNumber}.`, { code: 'ORDER_NOT_FOUND' });
 */
export function httpError(status: number, message: string, options: HttpErrorOptions = {}): EndpointError {
  if (!Number.isInteger(status) || status < 400 || status > 599)
    throw new InvalidArgumentError(`httpError(): the status must be 400 to 599, not ${String(status)}.`);
  if (options.code !== undefined && !/^[A-Z][A-Z0-9_]*$/.test(options.code)) {
    throw new InvalidArgumentError(`httpError(): a code is upper-case letters, digits and _ (ORDER_NOT_FOUND), not ${JSON.stringify(options.code)}.`);
  }
  return new EndpointError(status, message, options);
}
