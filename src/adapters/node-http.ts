import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Fulfiller } from '../core/fulfiller.js';
import { MethodNotAllowedError, NotFoundError } from '../errors.js';
import { errorResult, jsonResult, type HttpResult } from '../http/http-result.js';
import { readBody } from '../http/read-body.js';
import { serveWebhook } from '../http/serve-webhook.js';

/**
 * A plain node:http request listener: `POST /webhook`, `GET /healthz`, `GET /readyz`.
 * The fastest way to serve an app; `fulfiller serve` uses it.
 */
export function nodeHandler(app: Fulfiller): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    route(app, req).then(
      (result) => write(res, result),
      () => write(res, jsonResult(500, '{"error":{"code":"ERR_INTERNAL","message":"Internal error."}}')),
    );
  };
}

/** An http.Server for the app (not yet listening). */
export function createServer(app: Fulfiller): Server {
  return createHttpServer(nodeHandler(app));
}

function route(app: Fulfiller, req: IncomingMessage): Promise<HttpResult> {
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  const method = req.method ?? 'GET';
  switch (path) {
    case '/webhook':
      return serveWebhook(app, method, req.headers as Record<string, string | undefined>, (limit) => readBody(req, limit));
    case '/healthz':
      return Promise.resolve(probe(method, true));
    case '/readyz':
      return Promise.resolve(probe(method, app.ready));
    default:
      return Promise.resolve(errorResult(new NotFoundError()));
  }
}

function probe(method: string, ok: boolean): HttpResult {
  if (method !== 'GET' && method !== 'HEAD') return errorResult(new MethodNotAllowedError(method), { allow: 'GET, HEAD' });
  return jsonResult(ok ? 200 : 503, ok ? '{"status":"ok"}' : '{"status":"shutting down"}');
}

function write(res: ServerResponse, result: HttpResult): void {
  res.writeHead(result.status, result.headers);
  res.end(result.body);
}
