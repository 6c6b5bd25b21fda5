import fc from 'fast-check';
import * as prom from 'prom-client';
import { Metrics, type Exchange } from '../../src/index.js';

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 4, 5, 10, 30];

/** The same metrics made with prom-client, the reference for the text format. */
function reference(exchanges: readonly Exchange[], jobs: number): Promise<string> {
  const registers = [new prom.Registry()];
  new prom.Gauge({ name: 'fulfiller_jobs_in_flight', help: 'Deferred jobs running on this instance.', registers }).set(jobs);
  const requests = new prom.Counter({
    name: 'fulfiller_requests_total',
    help: 'Webhook calls by dialect, route and HTTP status.',
    labelNames: ['dialect', 'route', 'status'],
    registers,
  });
  const duration = new prom.Histogram({
    name: 'fulfiller_request_duration_seconds',
    help: 'Time to answer a webhook call.',
    labelNames: ['dialect', 'route'],
    buckets: BUCKETS,
    registers,
  });
  const deadlines = new prom.Counter({
    name: 'fulfiller_deadline_exceeded_total',
    help: 'Turns answered with the timeout message because the handler ran out of time.',
    labelNames: ['dialect', 'route'],
    registers,
  });
  const fallbacks = new prom.Counter({
    name: 'fulfiller_fallbacks_total',
    help: 'Turns no route matched, answered with the fallback message.',
    labelNames: ['dialect'],
    registers,
  });
  const errors = new prom.Counter({
    name: 'fulfiller_errors_total',
    help: 'Turns answered with the apology, by error code.',
    labelNames: ['dialect', 'route', 'code'],
    registers,
  });
  const endpointRequests = new prom.Counter({
    name: 'fulfiller_endpoint_requests_total',
    help: 'Endpoint calls by method, path template and HTTP status.',
    labelNames: ['method', 'path', 'status'],
    registers,
  });
  const endpointDuration = new prom.Histogram({
    name: 'fulfiller_endpoint_request_duration_seconds',
    help: 'Time to answer an endpoint call.',
    labelNames: ['method', 'path'],
    buckets: BUCKETS,
    registers,
  });
  for (const e of exchanges) {
    if (e.endpoint !== undefined) {
      endpointRequests.inc({ method: e.endpoint.method, path: e.endpoint.template, status: String(e.status) });
      endpointDuration.observe({ method: e.endpoint.method, path: e.endpoint.template }, e.ms / 1000);
      continue;
    }
    const dialect = e.dialect ?? 'unknown';
    const route = e.route === undefined ? 'none' : `${e.route.kind}:${e.route.key}`;
    requests.inc({ dialect, route, status: String(e.status) });
    duration.observe({ dialect, route }, e.ms / 1000);
    if (e.outcome === 'timeout') deadlines.inc({ dialect, route });
    if (e.outcome === 'fallback') fallbacks.inc({ dialect });
    if (e.outcome === 'error' || e.outcome === 'invalid-response') errors.inc({ dialect, route, code: e.errorCode ?? 'unknown' });
  }
  return registers[0]!.metrics();
}

const exchange = fc.record({
  dialect: fc.constantFrom('cx' as const, 'es' as const, undefined),
  status: fc.constantFrom(200, 400, 401, 503),
  outcome: fc.constantFrom('handled' as const, 'fallback' as const, 'timeout' as const, 'error' as const, 'invalid-response' as const, 'refused' as const),
  route: fc.option(
    fc.record({
      kind: fc.constantFrom('tag' as const, 'intent' as const, 'action' as const),
      key: fc.oneof(fc.string({ maxLength: 6 }), fc.constant('line\nbreak, "quote", back\\slash')),
    }),
    { nil: undefined },
  ),
  ms: fc.oneof(fc.double({ min: 0, max: 40_000, noNaN: true }), fc.constantFrom(5, 10, 25, 5000, 30_000)),
  errorCode: fc.option(fc.constantFrom('ERR_HANDLER_FAILED', 'ERR_X'), { nil: undefined }),
  endpoint: fc.option(
    fc.record({
      method: fc.constantFrom('GET', 'POST'),
      template: fc.constantFrom('/orders/{orderNumber}', '/a "quoted"\\path'),
      path: fc.constant('/orders/A-1'),
      query: fc.constant(''),
      body: fc.constant(undefined),
    }),
    { nil: undefined },
  ),
});

describe('the Prometheus text of app.metrics', () => {
  it('is what prom-client writes for the same calls (label escaping, cumulative buckets, bucket edges, sums)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(exchange, { maxLength: 40 }), fc.nat(5), async (samples, jobs) => {
        const exchanges = samples.map((s) => ({ requestId: 'r', headers: {}, request: undefined, body: '', ...s }) as Exchange);
        const metrics = new Metrics({ jobsInFlight: () => jobs });
        for (const e of exchanges) metrics.record(e);
        const { contentType, body } = await metrics.render();
        expect(contentType).toBe(prom.Registry.PROMETHEUS_CONTENT_TYPE);
        expect(body).toBe(await reference(exchanges, jobs));
      }),
      { numRuns: 200 },
    );
  });
});
