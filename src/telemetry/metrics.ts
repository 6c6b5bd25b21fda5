import type { Exchange } from './exchange.js';
import {
  CounterFamily,
  HistogramFamily,
  PROMETHEUS_CONTENT_TYPE,
  renderFamilies,
  renderGauge,
  type CounterSeries,
  type HistogramSeries,
} from './prometheus-text.js';

/** Distinct route labels kept; later ones count as `other` (a RegExp route could match anything). */
const MAX_ROUTES = 100;
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 4, 5, 10, 30];

/** The request counter and histogram series of one dialect, route and status. */
interface Bound {
  readonly dialect: string;
  readonly status: number;
  readonly requests: CounterSeries;
  readonly duration: HistogramSeries;
}

/**
 * Prometheus metrics of one app, fed by `app.observe()`: requests by dialect, route and status,
 * a latency histogram, deadline, fallback and error counters, jobs in flight. Kept in plain
 * objects (`prometheus-text.ts`) and written in the text format when scraped: recording a call
 * is a few map look-ups and additions, and nothing is loaded for it at start-up.
 */
export class Metrics {
  private readonly requests = new CounterFamily('fulfiller_requests_total', 'Webhook calls by dialect, route and HTTP status.', ['dialect', 'route', 'status']);
  private readonly duration = new HistogramFamily('fulfiller_request_duration_seconds', 'Time to answer a webhook call.', ['dialect', 'route'], BUCKETS);
  private readonly deadlines = new CounterFamily(
    'fulfiller_deadline_exceeded_total',
    'Turns answered with the timeout message because the handler ran out of time.',
    ['dialect', 'route'],
  );
  private readonly fallbacks = new CounterFamily('fulfiller_fallbacks_total', 'Turns no route matched, answered with the fallback message.', ['dialect']);
  private readonly errors = new CounterFamily('fulfiller_errors_total', 'Turns answered with the apology, by error code.', ['dialect', 'route', 'code']);
  private readonly endpointRequests = new CounterFamily('fulfiller_endpoint_requests_total', 'Endpoint calls by method, path template and HTTP status.', [
    'method',
    'path',
    'status',
  ]);
  private readonly endpointDuration = new HistogramFamily(
    'fulfiller_endpoint_request_duration_seconds',
    'Time to answer an endpoint call.',
    ['method', 'path'],
    BUCKETS,
  );
  /** By method and path template, the series of each status seen (an app has few endpoints; their templates bound the labels). */
  // By path template, then method and status (a template has few): no key to build per call.
  private readonly endpointBound = new Map<string, { method: string; status: number; requests: CounterSeries; duration: HistogramSeries }[]>();
  /** By route label, the series of each dialect and status seen with it. */
  private readonly bound = new Map<string, Bound[]>();
  /** Route labels by kind and key, at most MAX_ROUTES of them. */
  private readonly labels = new Map<string, Map<string, string>>();
  private labelCount = 0;
  private readonly jobsInFlight: () => number;

  constructor(options: { jobsInFlight: () => number }) {
    this.jobsInFlight = options.jobsInFlight;
  }

  /** An exchange observer: `app.observe((e) => metrics.record(e))`. */
  record(exchange: Exchange): void {
    if (exchange.endpoint !== undefined) {
      this.recordEndpoint(exchange.endpoint, exchange);
      return;
    }
    const dialect = exchange.dialect ?? 'unknown';
    const route = this.routeLabel(exchange.route);
    const bound = this.boundFor(dialect, route, exchange.status);
    bound.requests.value++;
    this.duration.observe(bound.duration, exchange.ms / 1000);
    const { outcome } = exchange;
    if (outcome === 'timeout') this.deadlines.with(dialect, route).value++;
    else if (outcome === 'fallback') this.fallbacks.with(dialect).value++;
    else if (outcome === 'error' || outcome === 'invalid-response') this.errors.with(dialect, route, exchange.errorCode ?? 'unknown').value++;
  }

  /** The Prometheus text exposition of every metric. */
  render(): Promise<{ contentType: string; body: string }> {
    const body = renderFamilies([
      renderGauge('fulfiller_jobs_in_flight', 'Deferred jobs running on this instance.', this.jobsInFlight()),
      this.requests.render(),
      this.duration.render(),
      this.deadlines.render(),
      this.fallbacks.render(),
      this.errors.render(),
      this.endpointRequests.render(),
      this.endpointDuration.render(),
    ]);
    return Promise.resolve({ contentType: PROMETHEUS_CONTENT_TYPE, body });
  }

  private recordEndpoint(endpoint: NonNullable<Exchange['endpoint']>, exchange: Exchange): void {
    let list = this.endpointBound.get(endpoint.template);
    if (list === undefined) {
      list = [];
      this.endpointBound.set(endpoint.template, list);
    }
    let bound = list.find((b) => b.status === exchange.status && b.method === endpoint.method);
    if (bound === undefined) {
      bound = {
        method: endpoint.method,
        status: exchange.status,
        requests: this.endpointRequests.with(endpoint.method, endpoint.template, String(exchange.status)),
        duration: this.endpointDuration.with(endpoint.method, endpoint.template),
      };
      list.push(bound);
    }
    bound.requests.value++;
    this.endpointDuration.observe(bound.duration, exchange.ms / 1000);
  }

  private routeLabel(route: Exchange['route']): string {
    if (route === undefined) return 'none';
    let byKey = this.labels.get(route.kind);
    if (byKey === undefined) {
      byKey = new Map();
      this.labels.set(route.kind, byKey);
    }
    const known = byKey.get(route.key);
    if (known !== undefined) return known;
    if (this.labelCount >= MAX_ROUTES) return 'other';
    const label = `${route.kind}:${route.key}`;
    byKey.set(route.key, label);
    this.labelCount++;
    return label;
  }

  private boundFor(dialect: string, route: string, status: number): Bound {
    let list = this.bound.get(route);
    if (list === undefined) {
      list = [];
      this.bound.set(route, list);
    }
    for (const bound of list) if (bound.dialect === dialect && bound.status === status) return bound;
    const bound: Bound = { dialect, status, requests: this.requests.with(dialect, route, String(status)), duration: this.duration.with(dialect, route) };
    list.push(bound);
    return bound;
  }
}
