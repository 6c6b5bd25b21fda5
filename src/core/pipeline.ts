import { asCoded } from '../base/as-coded.js';
import { authenticate } from '../auth/authenticate.js';
import { certificateCaller } from '../auth/certificate-caller.js';
import type { Caller } from '../auth/verifier.js';
import type { ClientCertificate } from '../http/client-certificate.js';
import type { Logger } from '../logging/logger.js';
import type { Dialect } from '../base/dialect.js';
import { detectDialect } from '../dialects/detect.js';
import type { Turn } from '../dialects/turn.js';
import { DeadlineExceededError, type FulfillerError, HandlerError, InvalidRequestError, ShuttingDownError } from '../errors.js';
import type { HttpRequest } from '../http/gateway.js';
import { normalizeHeaders, type Headers, type HeadersInput } from '../http/headers.js';
import { errorResult, jsonResult, type HttpResult } from '../http/http-result.js';
import { parseJsonObject, type BodyInput } from '../http/json-body.js';
import type { Jobs } from '../jobs/jobs.js';
import { LazyChild } from '../logging/lazy-child.js';
import { errorFields } from '../logging/log-format.js';
import { closestName } from '../schema/closest-name.js';
import { validateSchema } from '../schema/validate.js';
import { tracedTurn } from '../telemetry/traced-turn.js';
import { compose, type Middleware, type Next } from './compose.js';
import { withDeadline } from './deadline.js';
import type { Exchange, ExchangeObserver } from '../telemetry/exchange.js';
import type { ResolvedOptions } from './options.js';
import { requestIdFrom } from './request-id.js';
import type { RouteKind } from '../base/app-types.js';
import { Router, type Route, type RouteOptions } from './router.js';
import type { Match } from './matcher.js';
import type { RegisteredRoute } from './app-description.js';
import { createMessageCatalog, type SystemMessages } from './system-messages.js';
import { isResponseMistake, WebhookCall, type CallSettings, type TurnResult } from './webhook-call.js';

/** Handles an error thrown by a handler; it may answer on the fresh turn it is given. */
export type ErrorHandler = (error: unknown, turn: Turn) => unknown;

/** What the pipeline learns from the transport besides headers and body. */
export interface CallInfo {
  /** Whether the app still takes turns; false while it shuts down. */
  readonly ready: boolean;
  /** The verified client certificate of a mutual TLS connection. */
  readonly clientCertificate?: ClientCertificate | undefined;
  /** The HTTP request, when the call came over HTTP (its method and path go into the turn's span). */
  readonly http?: HttpRequest | undefined;
}

/**
 * The webhook request path, owned by the app: authenticate, parse, tell the dialect, check the
 * request schema, route, run middleware and handlers within the deadline, check the response,
 * tell the observers. Bad input gets a coded 4xx before any handler runs; whatever the handlers
 * do, the answer is one Dialogflow accepts.
 */
export class Pipeline implements CallSettings {
  readonly router = new Router<Turn>();
  /** The routes as they were registered, for `app.describe()`. */
  readonly registered: RegisteredRoute[] = [];
  fallback: Middleware<Turn> | undefined;
  onError: ErrorHandler | undefined;
  private readonly middleware: Middleware<Turn>[] = [];
  private chain = compose<Turn>([]);
  private readonly observers: ExchangeObserver[] = [];
  private readonly catalog: (languageCode: string | undefined) => SystemMessages;

  constructor(
    readonly options: ResolvedOptions,
    readonly jobs: Jobs,
  ) {
    this.catalog = createMessageCatalog(options.messages, options.defaultLanguage);
  }

  /** Registers a route's handlers. */
  addRoute(kind: RouteKind, match: Match<Turn>, options: RouteOptions, handlers: Middleware<Turn>[]): void {
    this.router.add(kind, match, options, handlers);
    this.registered.push({ kind, match, deadlineMs: options.deadlineMs });
  }

  messagesFor(languageCode: string): SystemMessages {
    return this.catalog(languageCode);
  }

  use(middleware: Middleware<Turn>): void {
    this.middleware.push(middleware);
    this.chain = compose(this.middleware);
  }

  observe(observer: ExchangeObserver): void {
    this.observers.push(observer);
  }

  /** Tells every observer about a finished call; one that throws is logged and skipped. */
  notify(exchange: Exchange): void {
    for (const observer of this.observers) {
      try {
        observer(exchange);
      } catch (error) {
        this.options.logger.error({ err: errorFields(error) }, 'an exchange observer threw; it is skipped for this call');
      }
    }
  }

  /** Tells the observers about a call refused before it reached the pipeline (405, 413, 415…). */
  refused(error: FulfillerError, headers: Headers, started: number): void {
    this.notify(refusal(requestIdFrom(headers['x-request-id']), headers, undefined, undefined, error, elapsed(started)));
  }

  /**
   * Who called: what the app's `auth` verifies on the headers and the bytes as received, and the
   * client certificate of a mutual TLS connection; undefined with neither. Throws 401/403.
   */
  async callerOf(headers: Headers, body: BodyInput, certificate: ClientCertificate | undefined, log: Logger): Promise<Caller | undefined> {
    const { auth } = this.options;
    const verified = auth === undefined ? undefined : await authenticate(auth, { headers, rawBody: rawBytes(body), clientCertificate: certificate }, log);
    return certificate === undefined ? verified : certificateCaller(certificate, verified);
  }

  /** One webhook call: body (raw or parsed) and headers in, `{ status, headers, body }` out. */
  async handle(body: BodyInput, headersInput: HeadersInput | undefined, info: CallInfo): Promise<HttpResult> {
    const started = performance.now(); // a duration for logs and metrics: monotonic, whatever the clock
    const headers = normalizeHeaders(headersInput);
    const requestId = requestIdFrom(headers['x-request-id']);
    const idHeader = { 'x-request-id': requestId };
    let request: Record<string, unknown> | undefined;
    let dialect: Dialect | undefined;
    let caller: Caller | undefined;
    try {
      if (!info.ready) throw new ShuttingDownError();
      const log = new LazyChild(this.options.logger, { requestId });
      // Before any parsing: signatures are over the bytes received, and nothing unauthenticated is parsed.
      if (this.options.auth !== undefined || info.clientCertificate !== undefined) caller = await this.callerOf(headers, body, info.clientCertificate, log);
      request = parseJsonObject(body);
      dialect = detectDialect(request);
      const checked = validateSchema(dialect, 'request', request, this.options.schemaVersions[dialect]);
      if (!checked.ok) {
        const issue = checked.issues[0]!;
        throw new InvalidRequestError(issue.message, issue.path);
      }
    } catch (thrown) {
      const error = asCoded(thrown);
      if (error === undefined) throw thrown;
      this.options.logger.info({ requestId, code: error.code, status: error.status, path: error.path }, 'request refused');
      const refused = errorResult(error, idHeader);
      this.notify(refusal(requestId, headers, dialect, request, error, elapsed(started), refused.body));
      return refused;
    }

    const call = new WebhookCall(this, dialect, request, requestId, headers, this.options.logger, caller);
    const turn = call.newTurn();
    const session = turn.sessionId || undefined;
    call.log = new LazyChild(this.options.logger, { requestId, dialect, session });
    const result = await tracedTurn(dialect, requestId, headers, info.http, () => this.run(call, turn));
    const ms = elapsed(started);
    // One line per call, on the root logger: a child made just for it would cost more than the line.
    this.options.logger.info({ requestId, dialect, session, outcome: result.outcome, route: result.route, status: 200, ms }, 'turn answered');
    this.notify({
      requestId,
      dialect,
      headers,
      request,
      status: 200,
      body: result.body,
      outcome: result.outcome,
      route: result.route,
      ms,
      errorCode: result.errorCode,
    });
    return jsonResult(200, result.body, idHeader);
  }

  /**
   * Runs one turn within its time budget and returns a response Dialogflow accepts, whatever
   * the handlers did: their answer, the timeout message, the apology after an error, or
   * (production) a safe answer for a response that failed validation.
   */
  private async run(call: WebhookCall, turn: Turn): Promise<TurnResult> {
    const route = this.findRoute(turn);
    if (route !== undefined) call.route = { kind: route.kind, key: turn[route.kind] ?? '' };
    const deadlineMs = route?.options.deadlineMs ?? this.options.deadlineMs;
    let outcome: 'done' | 'timeout';
    try {
      outcome = await withDeadline(this.runHandlers(turn, route), deadlineMs, this.options.clock, (error) =>
        call.log.warn({ err: errorFields(error) }, 'a handler failed after its deadline; its answer had already been sent'),
      );
    } catch (error) {
      turn.seal();
      call.abort(error);
      return this.failed(call, error);
    }
    turn.seal();
    if (outcome === 'timeout') {
      call.abort(new DeadlineExceededError(deadlineMs));
      call.log.warn({ deadlineMs, tag: turn.tag, intent: turn.intent }, 'deadline exceeded: answered with the timeout message');
      return call.system('timeout', 'timeout', 'ERR_DEADLINE_EXCEEDED');
    }
    const said = turn.hasOutput;
    if (!said)
      call.log.warn({ tag: turn.tag, intent: turn.intent }, 'the handler finished without saying or changing anything: did it forget to await a promise?');
    return call.answered(turn, route === undefined ? 'fallback' : said ? 'handled' : 'empty');
  }

  /** The apology after a handler failed, or what `onError` says instead on a fresh turn. */
  private async failed(call: WebhookCall, error: unknown): Promise<TurnResult> {
    if (isResponseMistake(error)) return call.invalidResponse(error);
    const failure = asCoded(error) ?? new HandlerError(error);
    call.log.error({ err: errorFields(error), code: failure.code }, 'a handler failed: answered with the apology');
    const turn = call.newTurn();
    if (this.onError !== undefined) {
      try {
        await this.onError(error, turn);
        turn.seal();
        if (turn.hasOutput) return call.answered(turn, 'error', failure.code);
      } catch (nested) {
        call.log.error({ err: errorFields(nested) }, 'the onError handler failed too');
      }
    }
    return call.system('apology', 'error', failure.code);
  }

  /** CX: tag, then intent. ES: action, then intent. */
  private findRoute(turn: Turn): Route<Turn> | undefined {
    const first: RouteKind = turn.platform === 'cx' ? 'tag' : 'action';
    const key = turn.platform === 'cx' ? turn.tag : turn.action;
    return this.router.find(first, key, turn) ?? this.router.find('intent', turn.intent, turn);
  }

  /** Middleware, then the route's handlers (or the fallback). */
  private runHandlers(turn: Turn, route: Route<Turn> | undefined): Promise<void> {
    const last: Next = () => (route !== undefined ? route.run(turn) : this.noRoute(turn));
    // Without middleware, straight to the route: this runs on every call.
    return this.middleware.length === 0 ? last() : this.chain(turn, last);
  }

  private async noRoute(turn: Turn): Promise<void> {
    if (this.fallback !== undefined) {
      await this.fallback(turn, async () => {});
      return;
    }
    const guess = this.closestRoute(turn);
    const fields = { tag: turn.tag, intent: turn.intent, action: turn.action, ...(guess === undefined ? {} : { didYouMean: { [guess.kind]: guess.name } }) };
    const hint = guess === undefined ? '' : `. Did you mean the ${guess.kind} "${guess.name}"?`;
    turn.log.warn(fields, `no handler matched: answered with the fallback message${hint}`);
    turn.say(this.messagesFor(turn.languageCode).fallback);
  }

  /** The route name a turn without a route was probably meant for: a misspelt tag, intent or action. */
  private closestRoute(turn: Turn): { kind: RouteKind; name: string } | undefined {
    const asked: [RouteKind, string | undefined][] =
      turn.platform === 'cx'
        ? [
            ['tag', turn.tag],
            ['intent', turn.intent],
          ]
        : [
            ['action', turn.action],
            ['intent', turn.intent],
          ];
    for (const [kind, value] of asked) {
      const name = value === undefined ? undefined : closestName(value, this.router.names(kind));
      if (name !== undefined) return { kind, name };
    }
    return undefined;
  }
}

function refusal(
  requestId: string,
  headers: Headers,
  dialect: Dialect | undefined,
  request: Record<string, unknown> | undefined,
  error: FulfillerError,
  ms: number,
  body: string = JSON.stringify(error.toJSON()),
): Exchange {
  return { requestId, dialect, headers, request, status: error.status, body, outcome: 'refused', route: undefined, ms, errorCode: error.code };
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}

/** The body as received, for signature checks; undefined when a framework already parsed it. */
function rawBytes(body: BodyInput): Uint8Array | undefined {
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  return body instanceof Uint8Array ? body : undefined;
}
