import type { Server } from 'node:http';
import { cloudFunctionHandler } from '../adapters/cloud-functions.js';
import { expressHandler } from '../adapters/express.js';
import { expressErrorHandler } from '../adapters/express-error-handler.js';
import { fetchHandler, type FetchHandlerOptions } from '../adapters/fetch.js';
import { DEFAULT_GRACE_MS, stopServer } from '../adapters/graceful-shutdown.js';
import { createServer } from '../adapters/node-http.js';
import type { ActionOf, AppTypes, IntentOf, TagOf } from '../base/app-types.js';
import type { Middleware, Next } from '../core/compose.js';
import type { ExchangeObserver } from '../telemetry/exchange.js';
import { Lifecycle, type CloseHook } from '../core/lifecycle.js';
import type { Match } from '../core/matcher.js';
import { checkDeadline, type ResolvedOptions } from '../core/options.js';
import type { FulfillerOptions } from './options.js';
import { Pipeline, type ErrorHandler } from '../core/pipeline.js';
import type { RouteKind } from '../base/app-types.js';
import type { RouteOptions } from '../core/router.js';
import { serveRequest } from '../core/serve-request.js';
import type { CxTurn } from '../dialects/cx/cx-turn.js';
import type { EsTurn } from '../dialects/es/es-turn.js';
import type { Turn } from '../dialects/turn.js';
import { InvalidArgumentError } from '../errors.js';
import type { Gateway, HttpRequest } from '../http/gateway.js';
import { normalizeHeaders, type HeadersInput } from '../http/headers.js';
import type { HttpResult } from '../http/http-result.js';
import type { BodyInput } from '../http/json-body.js';
import type { ServerOptions } from '../http/server-options.js';
import { Jobs } from '../jobs/jobs.js';
import type { Logger } from '../logging/logger.js';
import { Metrics } from '../telemetry/metrics.js';
import { watchTracing } from '../telemetry/tracing.js';
import { resolveOptions } from './resolve-options.js';

/** A handler or middleware: `(turn, next) => …`. Handlers at the end of a chain ignore `next`. */
export type Handler<TTurn = Turn> = Middleware<TTurn>;
export type { Next, ErrorHandler };

type RouteArgs<TTurn> = [RouteOptions, ...Handler<TTurn>[]] | Handler<TTurn>[];

/**
 * The app: routes, middleware, fallback and error handling; `handle()`, the transport-free entry
 * point; `serve()`, the same over HTTP, which every adapter calls. `T` is what the compiler knows
 * of the agent (`fulfiller types`); without it, any name goes.
 */
export class Fulfiller<T extends AppTypes = AppTypes> implements Gateway {
  readonly options: ResolvedOptions;
  /** Deferred jobs, kept in the app's store by session and key: `app.jobs.defer(turn, 'report', work)`. */
  readonly jobs: Jobs;
  /** Prometheus metrics (served on `GET /metrics`); undefined when turned off. */
  readonly metrics: Metrics | undefined;
  readonly #pipeline: Pipeline;
  readonly #lifecycle: Lifecycle;
  readonly #ownsStore: boolean;

  /** Use `createFulfiller(options)`, which also installs what the options ask for around the app (recording). */
  constructor(given: FulfillerOptions = {}) {
    const options = resolveOptions(given);
    this.options = options;
    this.#ownsStore = given.store === undefined;
    this.#lifecycle = new Lifecycle(options.clock);
    this.jobs = new Jobs({ store: options.store, logger: options.logger, clock: options.clock });
    this.#pipeline = new Pipeline(options, this.jobs);
    const metrics = options.metrics ? new Metrics({ jobsInFlight: () => this.jobs.inFlight }) : undefined;
    if (metrics !== undefined) this.observe((exchange) => metrics.record(exchange));
    this.metrics = metrics;
    watchTracing(options.logger); // with an OpenTelemetry SDK registered, load its API before the first turn
  }

  /** Handles a CX fulfillment tag: `app.tag('order.status', handler)`. Its handlers get the CX turn. */
  tag(match: Match<CxTurn<T>, TagOf<T>>, ...args: RouteArgs<CxTurn<T>>): this {
    return this.add('tag', match, args);
  }

  /** Handles an intent by display name (ES, and CX's last matched intent). */
  intent(match: Match<Turn<T>, IntentOf<T>>, ...args: RouteArgs<Turn<T>>): this {
    return this.add('intent', match, args);
  }

  /** Handles an ES action. Its handlers get the ES turn. */
  action(match: Match<EsTurn<T>, ActionOf<T>>, ...args: RouteArgs<EsTurn<T>>): this {
    return this.add('action', match, args);
  }

  /** Middleware that runs on every turn, before the route's handlers. */
  use(middleware: Handler<Turn<T>>): this {
    if (typeof middleware !== 'function') throw new InvalidArgumentError('app.use() takes a function (turn, next) => …');
    this.#pipeline.use(middleware as unknown as Handler);
    return this;
  }

  /** What to do when no route matches. Default: the localized fallback message. */
  fallback(handler: Handler<Turn<T>>): this {
    if (typeof handler !== 'function') throw new InvalidArgumentError('app.fallback() takes a function (turn) => …');
    this.#pipeline.fallback = handler as unknown as Handler;
    return this;
  }

  /** Called with the error and a fresh turn when a handler throws; may answer on that turn. */
  onError(handler: (error: unknown, turn: Turn<T>) => unknown): this {
    if (typeof handler !== 'function') throw new InvalidArgumentError('app.onError() takes a function (error, turn) => …');
    this.#pipeline.onError = handler as unknown as ErrorHandler;
    return this;
  }

  /** Sees every finished webhook call (metrics, recording, audit). Observers must be quick. */
  observe(observer: ExchangeObserver): this {
    this.#pipeline.observe(observer);
    return this;
  }

  /** Handles one webhook call: body (raw or parsed) and headers in, `{ status, headers, body }` out. */
  handle(body: BodyInput, headers?: HeadersInput): Promise<HttpResult> {
    return this.#lifecycle.track(() => this.#pipeline.handle(body, normalizeHeaders(headers), this));
  }

  /**
   * Answers an HTTP request (what the adapters call; see `Gateway`): the webhook, with its HTTP
   * checks (405, 415, 413), and on the standalone server the probes. Undefined for a path the
   * app does not serve. A request counts as in flight from its first byte, so a shutdown waits
   * for a body still arriving and answers it.
   */
  serve(request: HttpRequest): Promise<HttpResult | undefined> {
    return this.#lifecycle.track(() => serveRequest({ pipeline: this.#pipeline, ready: this.ready, metrics: this.metrics }, request));
  }

  get logger(): Logger {
    return this.options.logger;
  }

  /** Express middleware serving the webhook where it is mounted: `server.post('/webhook', app.express())`. */
  express(): ReturnType<typeof expressHandler> {
    return expressHandler(this);
  }

  /**
   * Express error middleware that answers the body parser's refusals (malformed JSON, too large)
   * in the app's `{ error }` shape: `web.post('/dialogflow', express.json(), app.express(), app.expressErrorHandler())`.
   */
  expressErrorHandler(): ReturnType<typeof expressErrorHandler> {
    return expressErrorHandler(this);
  }

  /** A Cloud Functions HTTP handler: `export const webhook = app.cloudFunction()`. */
  cloudFunction(): ReturnType<typeof cloudFunctionHandler> {
    return cloudFunctionHandler(this);
  }

  /** A Fetch API handler (`Request` → `Response`) for Deno, Bun, Workers: `Deno.serve(app.fetch())`. */
  fetch(options?: FetchHandlerOptions): ReturnType<typeof fetchHandler> {
    return fetchHandler(this, options);
  }

  /**
   * Serves the app with node:http (`POST /webhook`, `GET /healthz`, `GET /readyz`,
   * `GET /metrics`); limits and HTTPS in `options`. `app.close()` also stops this server.
   */
  listen(port: number, host?: string, options?: ServerOptions): Promise<Server> {
    const server = createServer(this, options);
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        this.onClose(() => stopServer(server));
        resolve(server);
      });
    });
  }

  /** True until `close()`: readiness for load balancers. */
  get ready(): boolean {
    return this.#lifecycle.accepting;
  }

  /**
   * Stops taking new turns at once (readiness turns 503), lets the turns in flight finish, gives
   * deferred jobs the rest of `graceMs` (default 8000), then runs the `onClose` hooks (servers
   * opened by `listen()` stop there) and closes the store the app made. Never rejects; calling it
   * again returns the same promise.
   */
  close(options: { graceMs?: number } = {}): Promise<void> {
    const store = this.#ownsStore ? this.options.store : undefined;
    return this.#lifecycle.close(options.graceMs ?? DEFAULT_GRACE_MS, { jobs: this.jobs, store, logger: this.options.logger });
  }

  /** Runs `hook` when the app closes, after the turns and jobs: `app.onClose(() => db.close())`. */
  onClose(hook: CloseHook): this {
    this.#lifecycle.onClose(hook);
    return this;
  }

  private add(kind: RouteKind, match: unknown, args: readonly unknown[]): this {
    const [first, ...rest] = args;
    const hasOptions = first !== undefined && typeof first === 'object';
    const options = (hasOptions ? first : {}) as RouteOptions;
    if (options.deadlineMs !== undefined) checkDeadline(options.deadlineMs, 'deadlineMs');
    const handlers = (hasOptions ? rest : args) as Handler[];
    this.#pipeline.router.add(kind, match as Match<Turn>, options, handlers);
    return this;
  }
}
