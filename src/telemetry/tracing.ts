import { importModule } from '../runtime/import-module.js';
import type * as Otel from '@opentelemetry/api';

/** Span attributes: what the turn, job or backend call was about. */
export type SpanAttributes = Record<string, string | number | boolean | undefined>;

/** What traced work may add to its span. A no-op when no OpenTelemetry SDK is registered. */
export interface SpanHandle {
  set(attributes: SpanAttributes): void;
  /** Marks the span as failed, with a short reason such as an error code. */
  fail(reason: string): void;
}

const NO_SPAN: SpanHandle = { set() {}, fail() {} };
// Where @opentelemetry/api keeps what an SDK registered (its major version is part of the key).
const OTEL_GLOBAL = Symbol.for('opentelemetry.js.api.1');
let api: typeof Otel | undefined;
let loading: Promise<void> | undefined;

/**
 * Loads `@opentelemetry/api` once an SDK has registered a tracer provider, and tells whether
 * spans can be made now. Without an SDK nothing is imported: a check of one global.
 */
export function tracingEnabled(): boolean {
  if (api !== undefined) return true;
  const registered = (globalThis as Record<symbol, { trace?: unknown } | undefined>)[OTEL_GLOBAL];
  if (registered?.trace === undefined) return false;
  loading ??= importModule<typeof import('@opentelemetry/api')>('@opentelemetry/api').then(
    (module) => void (api = module),
    () => undefined, // no API package: stay untraced
  );
  return false;
}

/**
 * Runs `work` in an active span named `name` (so spans the work makes are its children), or
 * just runs it when tracing is off. Exceptions are recorded on the span and rethrown.
 */
export function traced<T>(name: string, attributes: SpanAttributes, work: (span: SpanHandle) => Promise<T>): Promise<T> {
  if (!tracingEnabled() || api === undefined) return work(NO_SPAN);
  const otel = api;
  const tracer = otel.trace.getTracer('dialogflow-fulfiller');
  return tracer.startActiveSpan(name, { kind: otel.SpanKind.INTERNAL, attributes: defined(attributes) }, async (span) => {
    const handle: SpanHandle = {
      set: (more) => void span.setAttributes(defined(more)),
      fail: (reason) => span.setStatus({ code: otel.SpanStatusCode.ERROR, message: reason }),
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
