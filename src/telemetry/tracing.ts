import { importModule } from '../runtime/import-module.js';
import type * as Otel from '@opentelemetry/api';
import { OpenTelemetryApiError } from '../errors.js';
import type { Logger } from '../logging/logger.js';
import { httpAttributes, remoteParent, type IncomingCall } from './trace-context.js';

/** Span attributes: what the turn, job or backend call was about. */
export type SpanAttributes = Record<string, string | number | boolean | undefined>;

/** What traced work may add to its span. A no-op when no OpenTelemetry SDK is registered. */
export interface SpanHandle {
  set(attributes: SpanAttributes): void;
  /** Marks the span as failed, with a short reason such as an error code. */
  fail(reason: string): void;
  /** True for the SERVER span of an incoming call, which also carries its HTTP attributes. */
  readonly server: boolean;
}

export type { IncomingCall };

const NO_SPAN: SpanHandle = { set() {}, fail() {}, server: false };
// Where @opentelemetry/api keeps what an SDK registered (its major version is part of the key).
const OTEL_GLOBAL = Symbol.for('opentelemetry.js.api.1');
let api: typeof Otel | undefined;
let loading: Promise<void> | undefined;
/** Why the registered SDK cannot be used from here: told once, to the first app's logger. */
let problem: OpenTelemetryApiError | undefined;
let reporter: Logger | undefined;
let reported = false;

interface RegisteredApi {
  version?: unknown;
  trace?: unknown;
}

/**
 * Loads `@opentelemetry/api` once an SDK has registered a tracer provider, and tells whether
 * spans can be made now. Without an SDK nothing is imported: a check of one global.
 */
export function tracingEnabled(): boolean {
  if (api !== undefined) return true;
  const registered = (globalThis as Record<symbol, RegisteredApi | undefined>)[OTEL_GLOBAL];
  if (registered?.trace === undefined) return false;
  loading ??= importModule<typeof Otel>('@opentelemetry/api').then(
    (module) => {
      problem = unusable(module, registered);
      if (problem === undefined) api = module;
      report();
    },
    () => {
      problem = new OpenTelemetryApiError(
        'an OpenTelemetry SDK is registered, but @opentelemetry/api cannot be imported from here: install it next to your SDK',
      );
      report();
    },
  );
  return false;
}

/**
 * Called by every app with its logger: starts loading the API when an SDK is registered, and
 * says once (per process) why tracing stays off when the SDK cannot be used from here.
 */
export function watchTracing(logger: Logger): void {
  reporter ??= logger;
  tracingEnabled();
  report();
}

function report(): void {
  if (problem === undefined || reported || reporter === undefined) return;
  reported = true;
  reporter.warn({ code: problem.code }, problem.message);
}

/**
 * Whether the API loaded here can see what the SDK registered. The API keeps one global per
 * major version, and refuses one registered by an older minor version than itself: two copies
 * in one app (the SDK's and this library's) would make every span a no-op without a word.
 */
function unusable(module: typeof Otel, registered: RegisteredApi): OpenTelemetryApiError | undefined {
  const complete =
    typeof module.trace?.getTracer === 'function' && typeof module.propagation?.extract === 'function' && typeof module.context?.with === 'function';
  if (!complete) return new OpenTelemetryApiError('the @opentelemetry/api loaded here is too old to trace with (1.3 or later is needed)');
  if (module.trace.getTracerProvider() === registered.trace) return undefined;
  const version = typeof registered.version === 'string' ? registered.version : 'of another version';
  return new OpenTelemetryApiError(
    `the OpenTelemetry SDK registered its tracer through @opentelemetry/api ${version}, which the copy loaded here cannot use (it only reads globals of its own minor version or later)`,
  );
}

/**
 * Runs `work` in an active span named `name` (so spans the work makes are its children), or
 * just runs it when tracing is off. Exceptions are recorded on the span and rethrown.
 *
 * With `incoming` (a webhook call): when no span is active already, the span is the SERVER
 * span of the call, continuing the caller's trace (`traceparent`, or whatever propagator the
 * SDK registered), with the HTTP semantic conventions' attributes. Inside an instrumented
 * server (its SERVER span is active), it is an INTERNAL child of that span.
 */
export function traced<T>(name: string, attributes: SpanAttributes, work: (span: SpanHandle) => Promise<T>, incoming?: IncomingCall): Promise<T> {
  if (!tracingEnabled() || api === undefined) return work(NO_SPAN);
  const otel = api;
  const tracer = otel.trace.getTracer('dialogflow-fulfiller');
  const active = otel.context.active();
  const server = incoming !== undefined && otel.trace.getSpan(active) === undefined;
  const parent = server ? remoteParent(otel, active, incoming.headers) : active;
  const options: Otel.SpanOptions = {
    kind: server ? otel.SpanKind.SERVER : otel.SpanKind.INTERNAL,
    attributes: defined(server ? { ...httpAttributes(incoming), ...attributes } : attributes),
  };
  return tracer.startActiveSpan(name, options, parent, async (span) => {
    const handle: SpanHandle = {
      set: (more) => void span.setAttributes(defined(more)),
      fail: (reason) => span.setStatus({ code: otel.SpanStatusCode.ERROR, message: reason }),
      server,
    };
    try {
      return await work(handle);
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      handle.fail(error instanceof Error ? error.name : 'error');
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Resolves once the API is loaded (or there is nothing to load): for tests and start-up. */
export async function tracingReady(): Promise<boolean> {
  tracingEnabled();
  await loading;
  return api !== undefined;
}

function defined(attributes: SpanAttributes): Otel.Attributes {
  const out: Otel.Attributes = {};
  for (const [key, value] of Object.entries(attributes)) if (value !== undefined) out[key] = value;
  return out;
}
