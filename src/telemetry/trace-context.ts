import type * as Otel from '@opentelemetry/api';
import type { Headers } from '../http/headers.js';

/** A webhook call as a SERVER span sees it: its headers and, over HTTP, its method and path. */
export interface IncomingCall {
  readonly headers: Headers;
  readonly method?: string | undefined;
  readonly path?: string | undefined;
  /** The webhook's route when it is fixed (`/webhook` on the standalone server). */
  readonly route?: string | undefined;
}

// W3C Trace Context: version 00, a trace id and a parent id that are not all zeros, the flags.
const TRACEPARENT = /^00-(?!0{32})([0-9a-f]{32})-(?!0{16})([0-9a-f]{16})-([0-9a-f]{2})$/;

/**
 * The caller's trace as the parent of a call's span. The propagators the SDK registered read
 * the headers; an SDK set up without any (a bare tracer provider) still gets the W3C
 * `traceparent` Dialogflow's callers and proxies send, so a call is never a trace of its own
 * when the caller said whose it is.
 */
export function remoteParent(otel: typeof Otel, active: Otel.Context, headers: Headers): Otel.Context {
  if (otel.propagation.fields().length > 0) return otel.propagation.extract(active, headers);
  const match = TRACEPARENT.exec(headers.traceparent?.trim().toLowerCase() ?? '');
  if (match === null) return active;
  const state = headers.tracestate;
  return otel.trace.setSpanContext(active, {
    traceId: match[1]!,
    spanId: match[2]!,
    traceFlags: Number.parseInt(match[3]!, 16) & 1,
    isRemote: true,
    ...(state !== undefined && typeof otel.createTraceState === 'function' ? { traceState: otel.createTraceState(state) } : {}),
  });
}

/** The HTTP semantic conventions' attributes of an incoming call that we know of. */
export function httpAttributes(call: IncomingCall): Record<string, string | number | undefined> {
  const host = call.headers.host;
  const colon = host === undefined ? -1 : host.lastIndexOf(':');
  const port = colon === -1 || host!.endsWith(']') ? undefined : Number(host!.slice(colon + 1));
  return {
    'http.request.method': call.method,
    'url.path': call.path,
    'http.route': call.route,
    'server.address': host === undefined ? undefined : colon === -1 || host.endsWith(']') ? host : host.slice(0, colon),
    'server.port': Number.isInteger(port) ? port : undefined,
    'user_agent.original': call.headers['user-agent'],
  };
}
