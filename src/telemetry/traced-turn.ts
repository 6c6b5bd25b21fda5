import type { TurnResult } from '../core/run-turn.js';
import { traced, tracingEnabled } from './tracing.js';
import type { Dialect } from '../base/dialect.js';

/**
 * Runs a turn in a `dialogflow.turn` span (when an OpenTelemetry SDK is registered), so the
 * spans of the handler's backend calls nest under it; the span ends with the turn's outcome,
 * route and error code. Session ids and texts stay out of spans: they may be personal.
 */
export function tracedTurn(dialect: Dialect, requestId: string, run: () => Promise<TurnResult>): Promise<TurnResult> {
  if (!tracingEnabled()) return run(); // no span to fill: skip the wrapper, it is on every call
  return traced('dialogflow.turn', { 'dialogflow.dialect': dialect, 'dialogflow.request_id': requestId }, async (span) => {
    const result = await run();
    span.set({
      'dialogflow.outcome': result.outcome,
      'dialogflow.route': result.route === undefined ? undefined : `${result.route.kind}:${result.route.key}`,
      'dialogflow.error_code': result.errorCode,
    });
    if (result.outcome !== 'handled' && result.outcome !== 'fallback') span.fail(result.errorCode ?? result.outcome);
    return result;
  });
}
