import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { NotFoundError, OverloadedError } from '../errors.js';
import { ConcurrencyLimit } from '../http/concurrency-limit.js';
import type { Gateway, HttpRequest } from '../http/gateway.js';
import { normalizeHeaders } from '../http/headers.js';
import { errorResult, type HttpResult } from '../http/http-result.js';
import { readBody } from '../http/read-body.js';
import { sendSoon } from '../http/send-soon.js';
import { maxConcurrentOf, nodeServerSettings, type ServerOptions } from '../http/server-options.js';
import { errorFields } from '../logging/log-format.js';
import { builtins } from '../runtime/builtins.js';
import { peerCertificate } from './peer-certificate.js';

/**
 * A plain node:http request listener: `POST /webhook`, the app's endpoints, `GET /healthz`,
 * `GET /readyz`, `GET /metrics`, and 404 elsewhere. The fastest way to serve an app; `fulfiller
 * serve` uses it. With mutual TLS (`tls.ca`), the client certificate becomes the caller.
 */
export function nodeHandler(gateway: Gateway, options: ServerOptions = {}): (req: IncomingMessage, res: ServerResponse) => void {
  const slots = new ConcurrencyLimit(maxConcurrentOf(options));
  const tls = options.tls?.ca !== undefined; // client certificates exist only with mutual TLS
  return (req, res) => {
    const url = req.url ?? '/';
    const mark = url.indexOf('?');
    let entered = false;
    const request: HttpRequest = {
      method: req.method ?? 'GET',
      path: mark === -1 ? url : url.slice(0, mark),
      query: mark === -1 ? '' : url.slice(mark + 1),
      headers: normalizeHeaders(req.headers),
      webhookPath: '/webhook',
      probes: true,
      clientCertificate: tls ? peerCertificate(req.socket) : undefined,
      body: (limit) => readBody(req, limit, admit),
    };
    function admit(): void {
      if (!slots.enter()) throw new OverloadedError();
      entered = true;
    }
    gateway.serve(request).then(
      (result) => answer(res, result ?? errorResult(new NotFoundError())),
      (error: unknown) => {
        gateway.logger.error({ err: errorFields(error) }, 'unexpected error in the node:http adapter');
        answer(res, errorResult(error));
      },
    );
    function answer(response: ServerResponse, result: HttpResult): void {
      if (entered) slots.leave();
      sendSoon(response, result);
    }
  };
}

/** An http.Server for the app (not yet listening); HTTPS, or mutual TLS, with `options.tls`. */
export function createServer(gateway: Gateway, options: ServerOptions = {}): Server {
  const settings = nodeServerSettings(options);
  const handler = nodeHandler(gateway, options);
  if (options.tls === undefined) return createHttpServer(settings, handler);
  return builtins.https().createServer(settings, handler);
}
