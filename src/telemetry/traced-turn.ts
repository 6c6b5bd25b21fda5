import { traced, tracingEnabled } from './tracing.js';
import type { Dialect } from '../base/dialect.js';
import type { HttpRequest } from '../http/gateway.js';
import type { Headers } from '../http/headers.js';

/** What a span records of a finished turn. */
export interface TurnOutcome {
  readonly outcome: string;
  readonly route: { readonly kind: string; readonly key: string } | undefined;
  readonly errorCode?: string | undefined;
}

/**
 * Runs a turn in a `dialogflow.turn` span (when an OpenTelemetry SDK is registered), so the
 * spans of the handler's backend calls nest under it; the span ends with the turn's outcome,
 * route and error code. The span continues the caller's trace as the call's SERVER span, or is
 * a child of the span an instrumented server already made (see `traced`). Session ids and
 * texts stay out of spans: they may be personal.
 */
export function tracedTurn<R extends TurnOutcome>(
  dialect: Dialect,
  requestId: string,
  headers: Headers,
  http: HttpRequest | undefined,
  run: () => Promise<R>,
): Promise<R> {
  if (!tracingEnabled()) return run(); // no span to fill: skip the wrapper, it is on every call
  const incoming = http === undefined ? { headers } : { headers, method: http.method, path: http.path, route: http.webhookPath };
  return traced(
    'dialogflow.turn',
    { 'dialogflow.dialect': dialect, 'dialogflow.request_id': requestId },
    async (span) => {
      const result = await run();
      span.set({
        'dialogflow.outcome': result.outcome,
        'dialogflow.route': result.route === undefined ? undefined : `${result.route.kind}:${result.route.key}`,
        'dialogflow.error_code': result.errorCode,
        'http.response.status_code': span.server ? 200 : undefined,
      });
      if (result.outcome !== 'handled' && result.outcome !== 'fallback' && result.outcome !== 'empty') span.fail(result.errorCode ?? result.outcome);
      return result;
    },
    incoming,
  );
}
