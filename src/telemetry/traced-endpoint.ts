import { traced, tracingEnabled } from './tracing.js';

/** What a span records of a finished endpoint call. */
export interface EndpointOutcome {
  readonly outcome: string;
  readonly result: { readonly status: number };
  readonly errorCode: string | undefined;
}

/**
 * Runs an endpoint call in a `dialogflow.endpoint` span (when an OpenTelemetry SDK is
 * registered), so the spans of the handler's backend calls nest under it; the span ends with the
 * status, outcome and error code. Without tracing, `run`'s own result (a value from a synchronous
 * handler stays one). Bodies and parameters stay out of spans: they may be personal.
 */
export function tracedEndpoint<R extends EndpointOutcome>(label: string, requestId: string, run: () => R | Promise<R>): R | Promise<R> {
  if (!tracingEnabled()) return run();
  return traced('dialogflow.endpoint', { 'dialogflow.endpoint': label, 'dialogflow.request_id': requestId }, async (span) => {
    const answer = await run();
    span.set({ 'http.response.status_code': answer.result.status, 'dialogflow.outcome': answer.outcome, 'dialogflow.error_code': answer.errorCode });
    if (answer.result.status >= 500) span.fail(answer.errorCode ?? answer.outcome);
    return answer;
  });
}
