import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Fulfiller } from '../core/fulfiller.js';
import { MethodNotAllowedError, NotFoundError } from '../errors.js';
import { errorResult, jsonResult, type HttpResult } from '../http/http-result.js';
import { ConcurrencyLimit } from '../http/concurrency-limit.js';
import { readBody } from '../http/read-body.js';
import { sendSoon } from '../http/send-soon.js';
import { maxConcurrentOf, nodeServerSettings, type ServerOptions } from '../http/server-options.js';
import { serveWebhook } from '../http/serve-webhook.js';
import { serveMetrics } from '../telemetry/metrics-endpoint.js';
import { builtins } from '../runtime/builtins.js';

/**
 * A plain node:http request listener: `POST /webhook`, `GET /healthz`, `GET /readyz`, `GET /metrics`.
 * The fastest way to serve an app; `fulfiller serve` uses it.
 */
export function nodeHandler(app: Fulfiller, options: ServerOptions = {}): (req: IncomingMessage, res: ServerResponse) => void {
  const limit = new ConcurrencyLimit(maxConcurrentOf(options));
  return (req, res) => {
    route(app, req, limit).then(
      (result) => sendSoon(res, result),
      () => sendSoon(res, jsonResult(500, '{"error":{"code":"ERR_INTERNAL","message":"Internal error."}}')),
    );
  };
}

/** An http.Server for the app (not yet listening); HTTPS, or mutual TLS, with `options.tls`. */
export function createServer(app: Fulfiller, options: ServerOptions = {}): Server {
  const settings = nodeServerSettings(options);
  const handler = nodeHandler(app, options);
  if (options.tls === undefined) return createHttpServer(settings, handler);
  return builtins.https().createServer(settings, handler);
}

function route(app: Fulfiller, req: IncomingMessage, limit: ConcurrencyLimit): Promise<HttpResult> {
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  const method = req.method ?? 'GET';
  switch (path) {
    case '/webhook':
      return limit.run(() => serveWebhook(app, method, req.headers as Record<string, string | undefined>, (bytes) => readBody(req, bytes)));
    case '/healthz':
      return Promise.resolve(probe(method, true));
    case '/readyz':
      return Promise.resolve(probe(method, app.ready));
    case '/metrics':
      return serveMetrics(app.metrics, method);
    default:
      return Promise.resolve(errorResult(new NotFoundError()));
  }
}

function probe(method: string, ok: boolean): HttpResult {
  if (method !== 'GET' && method !== 'HEAD') return errorResult(new MethodNotAllowedError(method), { allow: 'GET, HEAD' });
  return jsonResult(ok ? 200 : 503, ok ? '{"status":"ok"}' : '{"status":"shutting down"}');
}
