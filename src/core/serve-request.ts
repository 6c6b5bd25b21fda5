import { BodyTooLargeError, FulfillerError, MethodNotAllowedError, NotFoundError, UnsupportedMediaTypeError } from '../errors.js';
import type { HttpRequest } from '../http/gateway.js';
import { errorResult, jsonResult, type HttpResult } from '../http/http-result.js';
import type { BodyInput } from '../http/json-body.js';
import { errorFields } from '../logging/log-format.js';
import { serveMetrics } from '../telemetry/metrics-endpoint.js';
import type { Metrics } from '../telemetry/metrics.js';
import type { Pipeline } from './pipeline.js';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** What answering HTTP needs of an app. */
export interface ServedApp {
  readonly pipeline: Pipeline;
  readonly ready: boolean;
  readonly metrics: Metrics | undefined;
}

/**
 * An app's answer to an HTTP request: the probes (standalone server), then the webhook with the
 * checks every transport shares, in order: method (405), content type (415), declared and actual
 * size (413), then the pipeline. Undefined for a path the app does not serve.
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
  if (request.webhookPath !== undefined && request.path !== request.webhookPath) return Promise.resolve(undefined);
  return serveWebhook(app, request);
}

async function serveWebhook(app: ServedApp, request: HttpRequest): Promise<HttpResult> {
  const started = performance.now();
  const { pipeline } = app;
  const { headers } = request;
  let body: BodyInput;
  try {
    if (request.method !== 'POST') throw new MethodNotAllowedError(request.method);
    const type = headers['content-type'];
    if (type !== undefined && !JSON_TYPE.test(type)) throw new UnsupportedMediaTypeError(type);
    const limit = pipeline.options.bodyLimit;
    const declared = Number(headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) throw new BodyTooLargeError(limit);
    body = await request.body(limit);
  } catch (error) {
    if (!(error instanceof FulfillerError)) return unexpected(app, error);
    pipeline.refused(error, headers, started);
    return errorResult(error);
  }
  try {
    return await pipeline.handle(body, headers, { ready: app.ready, http: request });
  } catch (error) {
    // Development and tests: a handler built an invalid response, thrown as its coded error.
    return error instanceof FulfillerError ? errorResult(error) : unexpected(app, error);
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
