import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Gateway, HttpRequest } from '../http/gateway.js';
import { normalizeHeaders } from '../http/headers.js';
import type { HttpResult } from '../http/http-result.js';
import type { BodyInput } from '../http/json-body.js';
import { readBody } from '../http/read-body.js';
import { sendSoon } from '../http/send-soon.js';

/** A request as Express and the Functions Framework hand it over, maybe with a parsed body. */
export type FrameworkRequest = IncomingMessage & { body?: unknown; rawBody?: Buffer };

/** Options of `app.express()` and `app.cloudFunction()`. */
export interface FrameworkOptions {
  /**
   * The webhook's path under the mount point (`/dialogflow`): only that path is the webhook.
   * Default: every path no endpoint claims (only POST ones once the app has endpoints), so
   * `web.post('/dialogflow', app.express())` serves the webhook whatever the mount path.
   */
  webhookPath?: string;
}

/**
 * Serves a framework request: the endpoints at their paths under the mount point, and the
 * webhook at `options.webhookPath`, or else at every path no endpoint claims (see
 * `FrameworkOptions`). Undefined when the app does not serve the path. The raw bytes
 * are used when they are available (`req.rawBody`, or the unread stream), which is what
 * signature checks need; a body some earlier middleware already parsed is taken as it is.
 */
export function serveFrameworkRequest(gateway: Gateway, req: FrameworkRequest, options: FrameworkOptions = {}): Promise<HttpResult | undefined> {
  return gateway.serve(frameworkRequest(req, (limit) => bodyOf(req, limit), options));
}

/** A framework's request as an HttpRequest, with the body from `body`. */
export function frameworkRequest(req: IncomingMessage, body: HttpRequest['body'], options: FrameworkOptions = {}): HttpRequest {
  const url = req.url ?? '/';
  const mark = url.indexOf('?');
  return {
    method: req.method ?? 'GET',
    path: mark === -1 ? url : url.slice(0, mark),
    query: mark === -1 ? '' : url.slice(mark + 1),
    headers: normalizeHeaders(req.headers),
    webhookPath: options.webhookPath,
    body,
  };
}

/** Writes an answer the app gave. */
export function send(res: ServerResponse, result: HttpResult): void {
  sendSoon(res, result);
}

async function bodyOf(req: FrameworkRequest, limit: number): Promise<BodyInput> {
  if (Buffer.isBuffer(req.rawBody)) return req.rawBody;
  if (!req.readableEnded) return readBody(req, limit);
  return (req.body ?? '') as BodyInput; // a body parser ran before us
}
