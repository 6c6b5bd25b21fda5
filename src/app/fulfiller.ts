import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cloudFunctionHandler } from '../adapters/cloud-functions.js';
import { expressHandler, type FrameworkOptions } from '../adapters/express.js';
import { expressErrorHandler } from '../adapters/express-error-handler.js';
import { fetchHandler, type FetchHandlerOptions } from '../adapters/fetch.js';
import { DEFAULT_GRACE_MS, stopServer } from '../adapters/graceful-shutdown.js';
import { createServer } from '../adapters/node-http.js';
import type { ActionOf, AppTypes, IntentOf, TagOf } from '../base/app-types.js';
import type { Middleware, Next } from '../core/compose.js';
import type { EndpointCallOf, EndpointDefinition, EndpointHandler, EndpointInfo, EndpointReturn } from '../core/endpoint.js';
import { Endpoints } from '../core/endpoints.js';
import type { ExchangeObserver } from '../telemetry/exchange.js';
import { describeApp, type AppDescription } from '../core/app-description.js';
import { Lifecycle, type CloseHook } from '../core/lifecycle.js';
import type { Match } from '../core/matcher.js';
import { checkDeadline, type ResolvedOptions } from '../core/options.js';
import type { FulfillerSettings } from './options.js';
import { Pipeline, type ErrorHandler } from '../core/pipeline.js';
import type { SystemMessages } from '../core/system-messages.js';
import type { RouteKind } from '../base/app-types.js';
import type { RouteOptions } from '../core/router.js';
import { serveRequest, type ServedApp } from '../core/serve-request.js';
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
import { logStartUp, type StartUp } from './start-up-line.js';
import { openApiDocument, type OpenApiOptions } from './openapi-document.js';

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
  readonly #endpoints = new Endpoints();
  readonly #lifecycle: Lifecycle;
  readonly #served: ServedApp;
  readonly #started = new Set<StartUp['adapter']>();
  readonly #ownsStore: boolean;

  /** Use `createFulfiller(options)`, which also installs what the options ask for around the app (recording). */
  constructor(given: FulfillerSettings = {}) {
    const options = resolveOptions(given);
    this.options = options;
    this.#ownsStore = given.store === undefined;
    this.#lifecycle = new Lifecycle(options.clock);
    this.jobs = new Jobs({ store: options.store, logger: options.logger, clock: options.clock });
    this.#pipeline = new Pipeline(options, this.jobs);
    const metrics = options.metrics ? new Metrics({ jobsInFlight: () => this.jobs.inFlight }) : undefined;
    if (metrics !== undefined) this.observe((exchange) => metrics.record(exchange));
    this.metrics = metrics;
    const lifecycle = this.#lifecycle;
    // Readiness is read when a body is in, not when its first byte came: a call still arriving at a shutdown is refused.
    this.#served = {
      pipeline: this.#pipeline,
      endpoints: this.#endpoints,
      metrics,
      get ready() {
        return lifecycle.accepting;
      },
    };
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

  /**
   * A typed JSON endpoint beside the webhook, for CX flexible webhooks and playbook tools:
   * `request`/`response` (and `query`, `params`) are JSON Schemas that check the call before the
   * handler runs (400 naming the field) and the result after it, and type the handler's `call`.
   *
   *   app.endpoint({ method: 'GET', path: '/orders/{orderNumber}', description: 'Looks up an order.',
   *     response: { type: 'object', properties: { status: { type: 'string' } }, required: ['status'] } },
   *     async ({ params }) => ({ status: await orders.status(params.orderNumber) }));
   */
  endpoint<const D extends EndpointDefinition, const R extends EndpointReturn<D>>(definition: D, handler: (call: EndpointCallOf<D>) => R | Promise<R>): this {
    this.#endpoints.add(definition, handler as unknown as EndpointHandler);
    return this;
  }

  /** The registered endpoints, in registration order (what `fulfiller openapi` describes). */
  get endpoints(): readonly EndpointInfo[] {
    return this.#endpoints.list();
  }

  /** An OpenAPI 3.0 document of the endpoints, for a playbook tool (what `fulfiller openapi` prints). */
  openapi(options?: OpenApiOptions): Record<string, unknown> {
    return openApiDocument(this.#endpoints.list(), this.options.auth, options);
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
   * for a body still arriving and answers it (503 ERR_SHUTTING_DOWN: its turn had not begun).
   */
  serve(request: HttpRequest): Promise<HttpResult | undefined> {
    return this.#lifecycle.track(() => serveRequest(this.#served, request));
  }

  get logger(): Logger {
    return this.options.logger;
  }

  /**
   * The fallback, apology and timeout texts the app says itself in a language (built in, or from
   * the option `messages`): for handlers that answer in its place, like a fallback that adds chips.
   */
  messagesFor(languageCode: string): SystemMessages {
    return this.#pipeline.messagesFor(languageCode);
  }

  /**
   * Express middleware serving the webhook where it is mounted, `server.post('/webhook', app.express())`,
   * and the endpoints by their paths under the mount point: `server.use('/api', app.express({ webhookPath: '/dialogflow' }))`.
   * A path the app does not serve goes on to `next()`. Each adapter logs one start-up line per app (mode, routes, authentication, warnings).
   */
  express(options?: FrameworkOptions): ReturnType<typeof expressHandler> {
    this.startingSoon('express');
    return expressHandler(this, options);
  }

  /**
   * Express error middleware that answers the body parser's refusals (malformed JSON, too large)
   * in the app's `{ error }` shape: `web.post('/dialogflow', express.json(), app.express(), app.expressErrorHandler())`.
   */
  expressErrorHandler(): ReturnType<typeof expressErrorHandler> {
    return expressErrorHandler(this);
  }

  /** A Cloud Functions HTTP handler: `export const webhook = app.cloudFunction()`; the endpoints are served at their paths. */
  cloudFunction(options?: FrameworkOptions): ReturnType<typeof cloudFunctionHandler> {
    this.startingSoon('cloudFunction');
    return cloudFunctionHandler(this, options);
  }

  /** A Fetch API handler (`Request` → `Response`) for Deno, Bun, Workers: `Deno.serve(app.fetch())`. */
  fetch(options?: FetchHandlerOptions): ReturnType<typeof fetchHandler> {
    this.startingSoon('fetch');
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
        const { port: bound } = server.address() as AddressInfo;
        const transport = options?.tls === undefined ? 'http' : options.tls.ca === undefined ? 'https' : 'mutual-tls';
        const url = `${transport === 'http' ? 'http' : 'https'}://${host ?? 'localhost'}:${bound}/webhook`;
        this.started('listen', { url, transport });
        resolve(server);
      });
    });
  }

  /** The routes, fallback, deadlines, languages and auth of this app, as plain data (`fulfiller lint` holds them against an agent). */
  describe(): AppDescription {
    const pipeline = this.#pipeline;
    const endpoints = this.#endpoints.list();
    return describeApp({
      routes: pipeline.registered,
      fallback: pipeline.fallback !== undefined,
      endpoints,
      openapi: openApiDocument(endpoints, this.options.auth),
      options: this.options,
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

  /** The adapter's start-up line, on the next loop turn: routes registered right after the adapter was made count. */
  private startingSoon(adapter: StartUp['adapter']): void {
    if (!this.#started.has(adapter)) setImmediate(() => this.started(adapter));
  }

  private started(adapter: StartUp['adapter'], where: Pick<StartUp, 'url' | 'transport'> = {}): void {
    if (this.#started.has(adapter)) return;
    this.#started.add(adapter);
    const { mode, auth, deadlineMs, logger } = this.options;
    const fallback = this.#pipeline.fallback !== undefined;
    logStartUp(logger, { adapter, mode, routes: this.#pipeline.router.size, fallback, auth: auth !== undefined, deadlineMs, ...where });
  }

  private add(kind: RouteKind, match: unknown, args: readonly unknown[]): this {
    const [first, ...rest] = args;
    const hasOptions = first !== undefined && typeof first === 'object';
    const options = (hasOptions ? first : {}) as RouteOptions;
    if (options.deadlineMs !== undefined) checkDeadline(options.deadlineMs, 'deadlineMs');
    const handlers = (hasOptions ? rest : args) as Handler[];
    this.#pipeline.addRoute(kind, match as Match<Turn>, options, handlers);
    return this;
  }
}
