import type { Server } from 'node:http';
import { cloudFunctionHandler } from '../adapters/cloud-functions.js';
import { expressHandler } from '../adapters/express.js';
import { createServer } from '../adapters/node-http.js';
import type { ServerOptions } from '../http/server-options.js';
import { handleWebhook } from './handle-webhook.js';
import { compose, type Middleware, type Next } from './compose.js';
import type { Match } from './matcher.js';
import { resolveOptions, checkDeadline, type FulfillerOptions, type ResolvedOptions } from './options.js';
import { Router, type Route, type RouteKind, type RouteOptions } from './router.js';
import { describeApp, type AppDescription, type RegisteredRoute } from './app-description.js';
import type { Exchange, ExchangeObserver } from './exchange.js';
import { errorFields } from '../ops/log-format.js';
import type { ErrorHandler } from './run-turn.js';
import type { WebhookEngine } from './handle-webhook.js';
import { createMessageCatalog, type SystemMessages } from './system-messages.js';
import type { BodyInput } from '../http/json-body.js';
import type { HeadersInput } from '../http/headers.js';
import type { HttpResult } from '../http/http-result.js';
import type { Turn } from '../turn/turn.js';
import { Jobs } from '../jobs/jobs.js';
import { Lifecycle, type CloseHook } from '../ops/lifecycle.js';
import { DEFAULT_GRACE_MS } from '../ops/graceful-shutdown.js';
import { Metrics } from '../ops/metrics.js';
import { tracingEnabled } from '../ops/tracing.js';
import { createRecorder } from '../testing/recorder.js';

/** A handler or middleware: `(turn, next) => …`. Handlers at the end of a chain ignore `next`. */
export type Handler = Middleware<Turn>;
export type { Next, ErrorHandler };

type RouteArgs = [RouteOptions, ...Handler[]] | Handler[];

/**
 * The app: routes, middleware, fallback and error handling, and `handle()`, the transport-free
 * entry point that every adapter calls.
 */
export class Fulfiller implements WebhookEngine {
  readonly options: ResolvedOptions;
  private readonly router = new Router<Turn>();
  private readonly registered: RegisteredRoute[] = [];
  private readonly middleware: Handler[] = [];
  private chain = compose<Turn>([]);
  private fallbackHandler: Handler | undefined;
  private onErrorHandler: ErrorHandler | undefined;
  private readonly catalog: (languageCode: string | undefined) => SystemMessages;
  private readonly observers: ExchangeObserver[] = [];
  private readonly lifecycle = new Lifecycle();
  private readonly ownsStore: boolean;
  /** Deferred jobs, kept in the app's store by session and key: `app.jobs.defer(turn, 'report', work)`. */
  readonly jobs: Jobs;
  /** Prometheus metrics (served on `GET /metrics`); undefined when turned off. */
  readonly metrics: Metrics | undefined;

  constructor(options: FulfillerOptions = {}) {
    this.options = resolveOptions(options);
    this.catalog = createMessageCatalog(this.options.messages, this.options.defaultLanguage);
    this.ownsStore = options.store === undefined;
    this.jobs = new Jobs({ store: this.options.store, logger: this.options.logger });
    const metrics = this.options.metrics ? new Metrics({ jobsInFlight: () => this.jobs.inFlight }) : undefined;
    if (metrics !== undefined) this.observe((exchange) => metrics.record(exchange));
    this.metrics = metrics;
    if (this.options.record !== undefined) {
      const recorder = createRecorder(this.options.record, { logger: this.options.logger });
      this.observe(recorder.observe);
      this.onClose(() => recorder.flush()); // recordings still being written are not lost on shutdown
    }
    tracingEnabled(); // with an OpenTelemetry SDK registered, start loading its API before the first turn
  }

  /** Handles a CX fulfillment tag: `app.tag('order.status', handler)`. */
  tag(match: Match<Turn>, ...args: RouteArgs): this {
    return this.add('tag', match, args);
  }

  /** Handles an intent by display name (ES, and CX's last matched intent). */
  intent(match: Match<Turn>, ...args: RouteArgs): this {
    return this.add('intent', match, args);
  }

  /** Handles an ES action. */
  action(match: Match<Turn>, ...args: RouteArgs): this {
    return this.add('action', match, args);
  }

  /** Middleware that runs on every turn, before the route's handlers. */
  use(middleware: Handler): this {
    if (typeof middleware !== 'function') throw new TypeError('app.use() takes a function (turn, next) => …');
    this.middleware.push(middleware);
    this.chain = compose(this.middleware);
    return this;
  }

  /** What to do when no route matches. Default: the localized fallback message. */
  fallback(handler: Handler): this {
    this.fallbackHandler = handler;
    return this;
  }

  /** Called with the error and a fresh turn when a handler throws; may answer on that turn. */
  onError(handler: ErrorHandler): this {
    this.onErrorHandler = handler;
    return this;
  }

  /** Sees every finished webhook call (metrics, recording, audit). Observers must be quick. */
  observe(observer: ExchangeObserver): this {
    this.observers.push(observer);
    return this;
  }

  notify(exchange: Exchange): void {
    for (const observer of this.observers) {
      try {
        observer(exchange);
      } catch (error) {
        this.options.logger.error({ err: errorFields(error) }, 'an exchange observer threw; it is skipped for this call');
      }
    }
  }

  /** Handles one webhook call: body (raw or parsed) and headers in, `{ status, headers, body }` out. */
  handle(body: BodyInput, headers?: HeadersInput): Promise<HttpResult> {
    return this.lifecycle.track(() => handleWebhook(this, body, headers));
  }

  /** Express middleware serving the webhook where it is mounted: `server.post('/webhook', app.express())`. */
  express(): ReturnType<typeof expressHandler> {
    return expressHandler(this);
  }

  /** A Cloud Functions HTTP handler: `export const webhook = app.cloudFunction()`. */
  cloudFunction(): ReturnType<typeof cloudFunctionHandler> {
    return cloudFunctionHandler(this);
  }

  /** Serves the app with node:http (`POST /webhook`, `GET /healthz`, `GET /readyz`); limits and HTTPS in `options`. */
  listen(port: number, host?: string, options?: ServerOptions): Promise<Server> {
    const server = createServer(this, options);
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve(server);
      });
    });
  }

  /** True until `close()`: readiness for load balancers. */
  get ready(): boolean {
    return this.lifecycle.accepting;
  }

  /**
   * Stops taking new turns at once (readiness turns 503), lets the turns in flight finish, gives
   * deferred jobs the rest of `graceMs` (default 8000), then runs the `onClose` hooks and closes
   * the store the app made. Never rejects; calling it again returns the same promise.
   */
  close(options: { graceMs?: number } = {}): Promise<void> {
    const store = this.ownsStore ? this.options.store : undefined;
    return this.lifecycle.close(options.graceMs ?? DEFAULT_GRACE_MS, { jobs: this.jobs, store, logger: this.options.logger });
  }

  /** Runs `hook` when the app closes, after the turns and jobs: `app.onClose(() => db.close())`. */
  onClose(hook: CloseHook): this {
    this.lifecycle.onClose(hook);
    return this;
  }

  /** The routes, fallback, deadlines, languages and auth of this app, as plain data (`fulfiller lint` holds them against an agent). */
  describe(): AppDescription {
    return describeApp({ routes: this.registered, fallback: this.fallbackHandler !== undefined, options: this.options });
  }

  get errorHandler(): ErrorHandler | undefined {
    return this.onErrorHandler;
  }

  messagesFor(languageCode: string): SystemMessages {
    return this.catalog(languageCode);
  }

  /** CX: tag, then intent. ES: action, then intent. */
  findRoute(turn: Turn): Route<Turn> | undefined {
    const first: RouteKind = turn.platform === 'cx' ? 'tag' : 'action';
    const key = turn.platform === 'cx' ? turn.tag : turn.action;
    return this.router.find(first, key, turn) ?? this.router.find('intent', turn.intent, turn);
  }

  run(turn: Turn, route: Route<Turn> | undefined): Promise<void> {
    const last: Next = () => (route !== undefined ? route.run(turn) : this.noRoute(turn));
    // Without middleware, straight to the route: this runs on every call.
    return this.middleware.length === 0 ? last() : this.chain(turn, last);
  }

  private async noRoute(turn: Turn): Promise<void> {
    if (this.fallbackHandler !== undefined) {
      await this.fallbackHandler(turn, async () => {});
      return;
    }
    turn.log.warn({ tag: turn.tag, intent: turn.intent, action: turn.action }, 'no handler matched: answered with the fallback message');
    turn.say(this.messagesFor(turn.languageCode).fallback);
  }

  private add(kind: RouteKind, match: Match<Turn>, args: RouteArgs): this {
    const [first, ...rest] = args;
    const hasOptions = first !== undefined && typeof first === 'object';
    const options: RouteOptions = hasOptions ? first : {};
    if (options.deadlineMs !== undefined) checkDeadline(options.deadlineMs, 'deadlineMs');
    const handlers = (hasOptions ? rest : args) as Handler[];
    this.router.add(kind, match, options, handlers);
    this.registered.push({ kind, match, deadlineMs: options.deadlineMs });
    return this;
  }
}

/** Creates an app. Register routes on it, then serve it with an adapter or `fulfiller serve`. */
export function createFulfiller(options?: FulfillerOptions): Fulfiller {
  return new Fulfiller(options);
}
