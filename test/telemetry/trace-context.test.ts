import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { context, propagation, SpanKind, trace, type TextMapPropagator } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { tracingReady } from '../../src/telemetry/tracing.js';
import { testApp } from '../support/app.js';
import { post } from '../support/http.js';
import { asyncContextManager } from '../support/otel.js';
import { cxRequest } from '../../src/testing/index.js';
import { JSON_HEADERS } from '../support/requests.js';
import { checkBody, validResponse } from '../support/responses.js';

/**
 * Traces with a real OpenTelemetry SDK (its in-memory exporter): a webhook call continues the
 * trace of whoever called it, as a SERVER span with the HTTP semantic conventions'
 * attributes; inside a server that is already instrumented, it is a child of that server's span.
 */
const CALLER_TRACE = '0af7651916cd43dd8448eb211c80319c';
const CALLER_SPAN = 'b7ad6b7169203331';

describe('the trace of a webhook call', () => {
  let exporter: InMemorySpanExporter;
  let server: Server | undefined;

  beforeEach(async () => {
    exporter = new InMemorySpanExporter();
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
    context.setGlobalContextManager(asyncContextManager());
    expect(await tracingReady()).toBe(true);
  });

  afterEach(async () => {
    if (server !== undefined) await new Promise((resolve) => server!.close(resolve));
    server = undefined;
    trace.disable();
    context.disable();
    propagation.disable();
  });

  const turnSpan = (): ReadableSpan => {
    const spans = exporter.getFinishedSpans().filter((s) => s.name === 'dialogflow.turn');
    expect(spans).toHaveLength(1);
    return spans[0]!;
  };

  async function serve(): Promise<string> {
    const { app } = testApp();
    app.tag('order.status', (turn) => void turn.say('On its way.'));
    server = await app.listen(0, '127.0.0.1');
    return `127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it("continues the caller's traceparent as the SERVER span of the call, with HTTP attributes", async () => {
    const host = await serve();
    const answer = await post(`http://${host}/webhook`, cxRequest('order.status').build(), {
      ...JSON_HEADERS,
      traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01`,
      'user-agent': 'Google-Dialogflow',
    });
    checkBody('cx', answer.text);
    const span = turnSpan();
    expect(span.spanContext().traceId).toBe(CALLER_TRACE);
    expect(span.parentSpanContext).toMatchObject({ traceId: CALLER_TRACE, spanId: CALLER_SPAN, isRemote: true });
    expect(span.kind).toBe(SpanKind.SERVER);
    expect(span.attributes).toEqual({
      'http.request.method': 'POST',
      'url.path': '/webhook',
      'http.route': '/webhook',
      'server.address': '127.0.0.1',
      'server.port': Number(host.split(':')[1]),
      'user_agent.original': 'Google-Dialogflow',
      'http.response.status_code': 200,
      'dialogflow.dialect': 'cx',
      'dialogflow.request_id': expect.any(String),
      'dialogflow.outcome': 'handled',
      'dialogflow.route': 'tag:order.status',
    });
  });

  it('starts a trace of its own when the caller sends none (or a malformed one)', async () => {
    const host = await serve();
    await post(`http://${host}/webhook`, cxRequest('order.status').build(), { ...JSON_HEADERS, traceparent: `00-${'0'.repeat(32)}-${CALLER_SPAN}-01` });
    const span = turnSpan();
    expect(span.spanContext().traceId).not.toBe('0'.repeat(32));
    expect(span.parentSpanContext).toBeUndefined();
    expect(span.kind).toBe(SpanKind.SERVER);
  });

  it('reads the headers with the propagator the SDK registered, when it registered one', async () => {
    const fromCustomHeader: TextMapPropagator = {
      inject: () => undefined,
      extract: (ctx, carrier) => {
        const [traceId, spanId] = String((carrier as Record<string, string>)['x-trace'] ?? '').split('/');
        return traceId === undefined || spanId === undefined ? ctx : trace.setSpanContext(ctx, { traceId, spanId, traceFlags: 1, isRemote: true });
      },
      fields: () => ['x-trace'],
    };
    propagation.setGlobalPropagator(fromCustomHeader);
    const host = await serve();
    const other = 'f'.repeat(32);
    await post(`http://${host}/webhook`, cxRequest('order.status').build(), {
      ...JSON_HEADERS,
      traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01`,
      'x-trace': `${other}/${'e'.repeat(16)}`,
    });
    expect(turnSpan().parentSpanContext).toMatchObject({ traceId: other, spanId: 'e'.repeat(16) });
  });

  it("is an INTERNAL child of the span an instrumented server already made, without the server's attributes", async () => {
    const { app } = testApp();
    app.tag('order.status', (turn) => void turn.say('On its way.'));
    const tracer = trace.getTracer('the-http-instrumentation');
    await tracer.startActiveSpan('POST /dialogflow', { kind: SpanKind.SERVER }, async (outer) => {
      validResponse(
        'cx',
        await app.handle(JSON.stringify(cxRequest('order.status').build()), { ...JSON_HEADERS, traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01` }),
      );
      outer.end();
    });
    const outer = exporter.getFinishedSpans().find((s) => s.name === 'POST /dialogflow')!;
    const span = turnSpan();
    expect(span.kind).toBe(SpanKind.INTERNAL);
    expect(span.parentSpanContext?.spanId).toBe(outer.spanContext().spanId);
    expect(Object.keys(span.attributes).filter((key) => !key.startsWith('dialogflow.'))).toEqual([]);
  });
});
