import type { ServerResponse } from 'node:http';
import { BodyTooLargeError, UnsupportedMediaTypeError } from '../errors.js';
import type { Gateway } from '../http/gateway.js';
import { frameworkRequest, send, type FrameworkRequest } from './framework-request.js';

/** What body-parser (`express.json()`) puts on the errors it passes to `next()`. */
interface BodyParserError {
  type?: unknown;
  body?: unknown;
  limit?: unknown;
}

type ErrorMiddleware = (error: unknown, req: FrameworkRequest, res: ServerResponse, next: (error?: unknown) => void) => void;

/**
 * Express error middleware for a webhook behind `express.json()`: the body parser's own
 * refusals (malformed JSON, too large, a charset it cannot read) get the answers the app gives
 * when it reads the body itself, in the `{ error }` shape with its code, counted and logged as
 * refused calls, instead of Express's HTML page. Malformed JSON goes through the app as the text
 * received, so it is authenticated first and told apart from JSON that is not an object.
 * Anything else goes on to `next()`. Mount it after the webhook, on its path:
 * `web.post('/dialogflow', express.json(), app.express(), app.expressErrorHandler())`.
 */
export function expressErrorHandler(gateway: Gateway): ErrorMiddleware {
  return (error, req, res, next) => {
    const { type, body: received, limit } = (error ?? {}) as BodyParserError;
    let read: (() => Promise<string>) | undefined;
    if (type === 'entity.parse.failed' && typeof received === 'string') read = async () => received;
    else if (type === 'entity.too.large') read = () => Promise.reject(new BodyTooLargeError(typeof limit === 'number' ? limit : 0));
    else if (type === 'charset.unsupported' || type === 'encoding.unsupported') {
      read = () => Promise.reject(new UnsupportedMediaTypeError(req.headers['content-type'] ?? ''));
    }
    if (read === undefined || res.headersSent) return next(error);
    gateway.serve(frameworkRequest(req, read)).then((result) => (result === undefined ? next(error) : send(res, result)), next);
  };
}
