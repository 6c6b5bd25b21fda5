import { asCoded } from '../base/as-coded.js';
import { MethodNotAllowedError, NotFoundError, UnsupportedMediaTypeError } from '../errors.js';
import { bodyWithin } from '../http/body-within.js';
import type { HttpRequest } from '../http/gateway.js';
import { errorResult, jsonResult, type HttpResult } from '../http/http-result.js';
import type { BodyInput } from '../http/json-body.js';
import { isJsonType } from '../http/json-type.js';
import { errorFields } from '../logging/log-format.js';
import { serveMetrics } from '../telemetry/metrics-endpoint.js';
import type { Endpoints } from './endpoints.js';
import { serveEndpoint } from './serve-endpoint.js';
import type { ServedApp } from './served-app.js';

export type { ServedApp };

/**
 * An app's answer to an HTTP request, routed by method and path: the probes (standalone server),
 * then the endpoints (`app.endpoint()`: 405 with `Allow` for a path they know under other
 * methods), then the webhook at its path, with the checks every transport shares, in order:
 * method (405), content type (415), declared and actual size (413), then the pipeline.
 * Undefined for a path the app does not serve: the standalone server answers 404, a framework
 * calls `next()`. In a framework (no `webhookPath`) the webhook is every path no endpoint
 * claims, and once the app has endpoints only POST goes there.
 */
export function serveRequest(app: ServedApp, request: HttpRequest): Promise<HttpResult | undefined> {
  if (request.probes === true) {
    switch (request.path) {
      case '/healthz':
        return Promise.resolve(probe(request.method, true));
      case '/readyz':
        return Promise.resolve(probe(request.method, app.ready));
      case '/metrics':
        return app.metrics === undefined ? Promise.resolve(errorResult(new NotFoundError())) : serveMetrics(app.metrics, request.method);
    }
  }
  const { endpoints } = app;
  if (endpoints.size > 0) {
    let match: ReturnType<Endpoints['match']>;
    try {
      match = endpoints.match(request.method, request.path);
    } catch (error) {
      return Promise.resolve(refuse(app, request, error));
    }
    if (match !== undefined) {
      if ('allow' in match) return Promise.resolve(refuse(app, request, new MethodNotAllowedError(request.method, match.allow)));
      return serveEndpoint(app, request, match.endpoint, match.params);
    }
  }
  const { webhookPath } = request;
  const webhook = webhookPath === undefined ? endpoints.size === 0 || request.method === 'POST' : request.path === webhookPath;
  return webhook ? serveWebhook(app, request) : Promise.resolve(undefined);
}

/** A call refused on its method or path alone (405, 400 for a path parameter), told to the observers. */
function refuse(app: ServedApp, request: HttpRequest, thrown: unknown): HttpResult {
  const error = asCoded(thrown);
  if (error === undefined) return unexpected(app, thrown);
  app.pipeline.refused(error, request.headers, performance.now());
  return errorResult(error);
}

async function serveWebhook(app: ServedApp, request: HttpRequest): Promise<HttpResult> {
  const started = performance.now();
  const { pipeline } = app;
  const { headers } = request;
  let body: BodyInput;
  try {
    if (request.method !== 'POST') throw new MethodNotAllowedError(request.method);
    const type = headers['content-type'];
    // Dialogflow always sends JSON's type; a request without one is what a cross-site form can send.
    if (type === undefined || !isJsonType(type)) throw new UnsupportedMediaTypeError(type);
    body = await bodyWithin(request, pipeline.options.bodyLimit);
  } catch (thrown) {
    const error = asCoded(thrown);
    if (error === undefined) return unexpected(app, thrown);
    pipeline.refused(error, headers, started);
    return errorResult(error);
  }
  try {
    return await pipeline.handle(body, headers, {
      ready: app.ready,
      http: request,
      ...(request.clientCertificate === undefined ? {} : { clientCertificate: request.clientCertificate }),
    });
  } catch (error) {
    // Development and tests: a handler built an invalid response, thrown as its coded error.
    return asCoded(error) !== undefined ? errorResult(error) : unexpected(app, error);
  }
}

function unexpected(app: ServedApp, error: unknown): HttpResult {
  app.pipeline.options.logger.error({ err: errorFields(error) }, 'unexpected error while serving the webhook');
  return errorResult(error);
}

function probe(method: string, ok: boolean): HttpResult {
  if (method !== 'GET' && method !== 'HEAD') return errorResult(new MethodNotAllowedError(method, ['GET', 'HEAD']));
  return jsonResult(ok ? 200 : 503, ok ? '{"status":"ok"}' : '{"status":"shutting down"}');
}
