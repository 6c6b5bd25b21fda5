import { context, SpanStatusCode, trace, type Context, type Span, type SpanOptions, type Tracer, type TracerProvider } from '@opentelemetry/api';
import { Cache, MemoryStore } from '../../src/index.js';
import { traced, tracingEnabled, tracingReady } from '../../src/telemetry/tracing.js';
import { cxRequest, testClient } from '../../src/testing/index.js';
import { testApp } from '../support/app.js';
import { asyncContextManager } from '../support/otel.js';
import { JSON_HEADERS } from '../support/requests.js';
import { validResponse } from '../support/responses.js';

interface Recorded {
  name: string;
  attributes: Record<string, unknown>;
  parent: Recorded | undefined;
  status: number | undefined;
  ended: boolean;
}

/** An in-memory tracer provider: what an SDK would register, reduced to what the test reads. */
function recordingProvider(spans: Recorded[]): TracerProvider {
  const byContext = (ctx: Context): Recorded | undefined => (trace.getSpan(ctx) as unknown as { recorded?: Recorded } | undefined)?.recorded;
  const start = (name: string, options: SpanOptions = {}, ctx: Context = context.active()): Span => {
    const recorded: Recorded = { name, attributes: { ...options.attributes }, parent: byContext(ctx), status: undefined, ended: false };
    spans.push(recorded);
    const span = {
      recorded,
      spanContext: () => ({ traceId: '1'.repeat(32), spanId: String(spans.length).padStart(16, '0'), traceFlags: 1 }),
      setAttribute: (key: string, value: unknown) => ((recorded.attributes[key] = value), span),
      setAttributes: (more: Record<string, unknown>) => (Object.assign(recorded.attributes, more), span),
      setStatus: (status: { code: number }) => ((recorded.status = status.code), span),
      recordException: () => undefined,
      end: () => void (recorded.ended = true),
      isRecording: () => true,
      addEvent: () => span,
      addLink: () => span,
      addLinks: () => span,
      updateName: () => span,
    };
    return span as unknown as Span;
  };
  const tracer = {
    startSpan: start,
    startActiveSpan(name: string, options: SpanOptions, ...rest: [(span: Span) => unknown] | [Context, (span: Span) => unknown]) {
      const [parent, fn] = rest.length === 2 ? rest : [context.active(), rest[0]];
      const span = start(name, options, parent);
      return context.with(trace.setSpan(parent, span), fn, undefined, span);
    },
  } as unknown as Tracer;
  return { getTracer: () => tracer };
}

describe('tracing', () => {
  afterEach(() => {
    trace.disable();
    context.disable();
  });

  it('without an SDK, costs a global lookup: work runs as it is, nothing is recorded', async () => {
    expect(tracingEnabled()).toBe(false);
    expect(await tracingReady()).toBe(false);
    expect(await traced('x', {}, async (span) => (span.set({ a: 1 }), span.fail('no-op'), 42))).toBe(42);
  });

  it('with an SDK registered, a turn is a span, and the backend calls in it are its children', async () => {
    const spans: Recorded[] = [];
    context.setGlobalContextManager(asyncContextManager());
    trace.setGlobalTracerProvider(recordingProvider(spans));
    expect(await tracingReady()).toBe(true);

    const { app } = testApp();
    const cache = new Cache({ store: new MemoryStore(), name: 'orders', ttlMs: 1000 });
    app.tag('order.status', async (turn) => void turn.say(await cache.get('latest', async () => 'On its way.')));
    app.tag('boom', () => Promise.reject(new Error('backend down')));
    validResponse('cx', await app.handle(JSON.stringify(cxRequest('order.status').build()), JSON_HEADERS));
    validResponse('cx', await app.handle(JSON.stringify(cxRequest('boom').build()), JSON_HEADERS));

    const [turn, backend, failed] = spans;
    expect(turn).toMatchObject({
      name: 'dialogflow.turn',
      attributes: { 'dialogflow.dialect': 'cx', 'dialogflow.outcome': 'handled', 'dialogflow.route': 'tag:order.status' },
      status: undefined,
      ended: true,
    });
    expect(backend).toMatchObject({ name: 'fulfiller.cache', attributes: { 'fulfiller.backend': 'orders', 'fulfiller.cache.hit': false }, ended: true });
    expect(backend!.parent).toBe(turn);
    expect(failed).toMatchObject({
      name: 'dialogflow.turn',
      attributes: { 'dialogflow.outcome': 'error', 'dialogflow.error_code': 'ERR_HANDLER_FAILED' },
      status: SpanStatusCode.ERROR,
    });
    expect(JSON.stringify(spans.map((s) => s.attributes))).not.toContain('session');
  });

  it('an endpoint call is a span with its status, and a failed one is marked so', async () => {
    const spans: Recorded[] = [];
    context.setGlobalContextManager(asyncContextManager());
    trace.setGlobalTracerProvider(recordingProvider(spans));
    await tracingReady();
    const { app } = testApp();
    app.endpoint({ method: 'GET', path: '/ok/{id}', description: 'Fine.', response: { type: 'object' } }, () => ({ ok: true }));
    app.endpoint({ method: 'GET', path: '/down', description: 'Fails.', response: { type: 'object' } }, () => Promise.reject(new Error('down')));
    const client = testClient(app);
    expect((await client.call({ method: 'GET', path: '/ok/secret-id' })).status).toBe(200);
    expect((await client.call({ method: 'GET', path: '/down' })).status).toBe(500);
    expect(spans).toEqual([
      expect.objectContaining({
        name: 'dialogflow.endpoint',
        attributes: expect.objectContaining({ 'dialogflow.endpoint': 'GET /ok/{id}', 'http.response.status_code': 200 }),
        status: undefined,
        ended: true,
      }),
      expect.objectContaining({
        name: 'dialogflow.endpoint',
        attributes: expect.objectContaining({ 'dialogflow.error_code': 'ERR_HANDLER_FAILED' }),
        status: SpanStatusCode.ERROR,
      }),
    ]);
    expect(JSON.stringify(spans.map((s) => s.attributes))).not.toContain('secret-id');
  });

  it('a job is a span of its own, and an exception marks it failed', async () => {
    const spans: Recorded[] = [];
    trace.setGlobalTracerProvider(recordingProvider(spans));
    await tracingReady();
    await expect(traced('fulfiller.job', { 'fulfiller.job.key': 'report' }, () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(spans).toEqual([expect.objectContaining({ name: 'fulfiller.job', status: SpanStatusCode.ERROR, ended: true })]);
  });
});
