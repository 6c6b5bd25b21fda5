import { errorFields } from '../logging/log-format.js';
import { BodyTooLargeError, FulfillerError, InternalError, MethodNotAllowedError, UnsupportedMediaTypeError } from '../errors.js';
import type { Fulfiller } from '../core/fulfiller.js';
import type { Headers } from '../turn/turn-context.js';
import { errorResult, type HttpResult } from './http-result.js';
import type { BodyInput } from './json-body.js';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * The HTTP checks every adapter shares, in order: method (405), content type (415), declared
 * and actual size (413), then `app.handle()`. An error thrown by `handle()` (development mode:
 * a handler built an invalid response) becomes its coded JSON error, never a stack trace.
 */
export async function serveWebhook(
  app: Fulfiller,
  method: string,
  headers: Headers,
  readBody: (limit: number) => Promise<BodyInput>,
): Promise<HttpResult> {
  try {
    if (method !== 'POST') throw new MethodNotAllowedError(method);
    const type = headers['content-type'];
    if (type !== undefined && !JSON_TYPE.test(type)) throw new UnsupportedMediaTypeError(type);
    const limit = app.options.bodyLimit;
    const declared = Number(headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) throw new BodyTooLargeError(limit);
    return await app.handle(await readBody(limit), headers);
  } catch (error) {
    if (error instanceof FulfillerError) return errorResult(error, extraHeaders(error));
    app.options.logger.error({ err: errorFields(error) }, 'unexpected error in the webhook adapter');
    return errorResult(new InternalError());
  }
}

function extraHeaders(error: FulfillerError): Record<string, string> {
  if (error instanceof MethodNotAllowedError) return { allow: 'POST' };
  if (error instanceof BodyTooLargeError) return { connection: 'close' };
  return {};
}
