import type * as Prom from 'prom-client';
import type { Exchange } from '../core/exchange.js';

interface Sample {
  dialect: string;
  route: string;
  status: string;
  outcome: Exchange['outcome'];
  seconds: number;
  code: string | undefined;
}

interface Bound {
  requests: { inc(): void };
  duration: { observe(value: number): void };
}

interface Instruments {
  registry: Prom.Registry;
  /** Label-bound instruments by dialect, route and status (bounded: routes are capped, statuses few). */
  bound: Map<string, Bound>;
  requests: Prom.Counter<'dialect' | 'route' | 'status'>;
  duration: Prom.Histogram<'dialect' | 'route'>;
  deadlines: Prom.Counter<'dialect' | 'route'>;
  fallbacks: Prom.Counter<'dialect'>;
  errors: Prom.Counter<'dialect' | 'route' | 'code'>;
}

/** Exchanges kept before prom-client is loaded; reaching it loads it. */
const LOAD_AFTER = 1000;
/** Distinct route labels kept; later ones count as `other` (a RegExp route could match anything). */
const MAX_ROUTES = 100;
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 4, 5, 10, 30];

/**
 * Prometheus metrics of one app, fed by `app.observe()`: requests by dialect, route and status,
 * a latency histogram, deadline, fallback and error counters, jobs in flight.
 * prom-client is loaded at the first scrape (or after a thousand requests), never on the cold-start path;
 * requests before that are replayed into it, so nothing is lost.
 */
export class Metrics {
  private instruments: Instruments | undefined;
  private loading: Promise<Instruments> | undefined;
  private pending: Sample[] = [];
  private readonly routes = new Set<string>();
  private readonly jobsInFlight: () => number;

  constructor(options: { jobsInFlight: () => number }) {
    this.jobsInFlight = options.jobsInFlight;
  }

  /** An exchange observer: `app.observe((e) => metrics.record(e))`. */
  record(exchange: Exchange): void {
    const sample: Sample = {
      dialect: exchange.dialect ?? 'unknown',
      route: this.routeLabel(exchange.route),
      status: String(exchange.status),
      outcome: exchange.outcome,
      seconds: exchange.ms / 1000,
      code: exchange.errorCode,
    };
    if (this.instruments !== undefined) return apply(this.instruments, sample);
    this.pending.push(sample);
    if (this.pending.length >= LOAD_AFTER) void this.load().catch(() => undefined);
  }

  /** The Prometheus text exposition of every metric. */
  async render(): Promise<{ contentType: string; body: string }> {
    const { registry } = await this.load();
    return { contentType: registry.contentType, body: await registry.metrics() };
  }

  private load(): Promise<Instruments> {
    this.loading ??= import('prom-client').then((prom) => {
      const instruments = create(prom, this.jobsInFlight);
      for (const sample of this.pending) apply(instruments, sample);
      this.pending = [];
      this.instruments = instruments;
      return instruments;
    });
    return this.loading;
  }

  private routeLabel(route: Exchange['route']): string {
    if (route === undefined) return 'none';
    const label = `${route.kind}:${route.key}`;
    if (this.routes.has(label)) return label;
    if (this.routes.size >= MAX_ROUTES) return 'other';
    this.routes.add(label);
    return label;
  }
}

function create(prom: typeof Prom, jobsInFlight: () => number): Instruments {
  const registry = new prom.Registry();
  const registers = [registry];
  new prom.Gauge({
    name: 'fulfiller_jobs_in_flight',
    help: 'Deferred jobs running on this instance.',
    registers,
    collect() {
      this.set(jobsInFlight());
    },
  });
  return {
    registry,
    bound: new Map(),
    requests: new prom.Counter({ name: 'fulfiller_requests_total', help: 'Webhook calls by dialect, route and HTTP status.', labelNames: ['dialect', 'route', 'status'], registers }),
    duration: new prom.Histogram({ name: 'fulfiller_request_duration_seconds', help: 'Time to answer a webhook call.', labelNames: ['dialect', 'route'], buckets: BUCKETS, registers }),
    deadlines: new prom.Counter({ name: 'fulfiller_deadline_exceeded_total', help: 'Turns answered with the timeout message because the handler ran out of time.', labelNames: ['dialect', 'route'], registers }),
    fallbacks: new prom.Counter({ name: 'fulfiller_fallbacks_total', help: 'Turns no route matched, answered with the fallback message.', labelNames: ['dialect'], registers }),
    errors: new prom.Counter({ name: 'fulfiller_errors_total', help: 'Turns answered with the apology, by error code.', labelNames: ['dialect', 'route', 'code'], registers }),
  };
}

function apply(m: Instruments, s: Sample): void {
  const bound = boundFor(m, s);
  bound.requests.inc();
  bound.duration.observe(s.seconds);
  if (s.outcome === 'timeout') m.deadlines.inc({ dialect: s.dialect, route: s.route });
  if (s.outcome === 'fallback') m.fallbacks.inc({ dialect: s.dialect });
  if (s.outcome === 'error' || s.outcome === 'invalid-response') m.errors.inc({ dialect: s.dialect, route: s.route, code: s.code ?? 'unknown' });
}

/**
 * The request counter and histogram bound to one label set, made once: prom-client hashes the
 * labels on every call otherwise, which costs more than the rest of recording a request.
 */
function boundFor(m: Instruments, s: Sample): Bound {
  const key = `${s.dialect}\u0000${s.route}\u0000${s.status}`;
  let bound = m.bound.get(key);
  if (bound === undefined) {
    bound = {
      requests: m.requests.labels({ dialect: s.dialect, route: s.route, status: s.status }),
      duration: m.duration.labels({ dialect: s.dialect, route: s.route }),
    };
    m.bound.set(key, bound);
  }
  return bound;
}
