import { BodyTooLargeError } from '../errors.js';
import type { HttpRequest } from './gateway.js';
import type { BodyInput } from './json-body.js';

/**
 * A request's body, up to `limit` bytes: refused with ERR_BODY_TOO_LARGE before a byte is read
 * when its declared length is already over (thrown, not rejected: callers await it in a `try`),
 * else as `request.body()` reads it. The webhook and the endpoints read their bodies through it.
 */
export function bodyWithin(request: HttpRequest, limit: number): Promise<BodyInput> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLargeError(limit);
  return request.body(limit);
}
