import { traced, tracingEnabled } from './tracing.js';
import type { Dialect } from '../base/dialect.js';

/** What a span records of a finished turn. */
export interface TurnOutcome {
  readonly outcome: string;
  readonly route: { readonly kind: string; readonly key: string } | undefined;
  readonly errorCode?: string | undefined;
}

/**
 * Runs a turn in a `dialogflow.turn` span (when an OpenTelemetry SDK is registered), so the
 * spans of the handler's backend calls nest under it; the span ends with the turn's outcome,
 * route and error code. Session ids and texts stay out of spans: they may be personal.
 */
export function tracedTurn<R extends TurnOutcome>(dialect: Dialect, requestId: string, run: () => Promise<R>): Promise<R> {
  if (!tracingEnabled()) return run(); // no span to fill: skip the wrapper, it is on every call
  return traced('dialogflow.turn', { 'dialogflow.dialect': dialect, 'dialogflow.request_id': requestId }, async (span) => {
    const result = await run();
    span.set({
      'dialogflow.outcome': result.outcome,
      'dialogflow.route': result.route === undefined ? undefined : `${result.route.kind}:${result.route.key}`,
      'dialogflow.error_code': result.errorCode,
    });
    if (result.outcome !== 'handled' && result.outcome !== 'fallback' && result.outcome !== 'empty') span.fail(result.errorCode ?? result.outcome);
    return result;
  });
}
