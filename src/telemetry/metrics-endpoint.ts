import { MethodNotAllowedError, NotFoundError } from '../errors.js';
import { errorResult, type HttpResult } from '../http/http-result.js';
import type { Metrics } from './metrics.js';

/** `GET /metrics`: the Prometheus text of the app's metrics; 404 when metrics are off. */
export async function serveMetrics(metrics: Metrics | undefined, method: string): Promise<HttpResult> {
  if (metrics === undefined) return errorResult(new NotFoundError());
  if (method !== 'GET' && method !== 'HEAD') return errorResult(new MethodNotAllowedError(method), { allow: 'GET, HEAD' });
  const { contentType, body } = await metrics.render();
  return { status: 200, headers: { 'content-type': contentType }, body };
}
