import { MethodNotAllowedError } from '../errors.js';
import { errorResult, type HttpResult } from '../http/http-result.js';
import type { Metrics } from './metrics.js';

/** `GET /metrics`: the Prometheus text of the app's metrics. */
export async function serveMetrics(metrics: Metrics, method: string): Promise<HttpResult> {
  if (method !== 'GET' && method !== 'HEAD') return errorResult(new MethodNotAllowedError(method, ['GET', 'HEAD']));
  const { contentType, body } = await metrics.render();
  return { status: 200, headers: { 'content-type': contentType }, body };
}
