import type { ApiVersions, ResolvedOptions } from '../core/options.js';
import type { HeadersInput } from '../http/headers.js';
import type { BodyInput } from '../http/json-body.js';
import { NotFoundError, TargetUnreachableError } from '../errors.js';
import type { HttpRequest } from '../http/gateway.js';
import { normalizeHeaders } from '../http/headers.js';
import { errorResult, type HttpResult } from '../http/http-result.js';
import type { EndpointRequest } from './endpoint-fixture.js';
import type { ExchangeObserver, Outcome } from '../telemetry/exchange.js';
import { authHeaders, type ReplayAuth } from './replay-auth.js';
import { DEFAULT_SESSION_CONTEXT } from './reply.js';

/** An answer, and how the call ended when the target can tell (an app in this process can). */
export interface TargetResult extends HttpResult {
  readonly outcome?: Outcome | undefined;
}

/** Where replayed requests go: an app in this process, or a webhook over HTTP. */
export interface ReplayTarget {
  /** Sends one request body with its headers (auth headers are added here, where the body is final). */
  send(body: string, headers: Readonly<Record<string, string>>): Promise<TargetResult>;
  /** Calls one of the app's endpoints (auth headers added the same way); a target without it replays webhook fixtures only. */
  call?(request: EndpointRequest, headers: Readonly<Record<string, string>>): Promise<HttpResult>;
  /** The ES context that carries session parameters on this target. */
  readonly sessionContext: string;
  /** The API versions the target speaks, when known (an app in this process): answers are checked against them. */
  readonly apiVersion?: Readonly<ApiVersions> | undefined;
}

/** What the testing tools need of an app: an app of any type (`createFulfiller<Agent>()` too) is one. */
export interface TestableApp {
  readonly options: ResolvedOptions;
  handle(body: BodyInput, headers?: HeadersInput): Promise<HttpResult>;
  serve(request: HttpRequest): Promise<HttpResult | undefined>;
  /** Its observers tell the testing tools how each call ended (`reply.outcome`). */
  observe?(observer: ExchangeObserver): unknown;
}

/**
 * An app in this process, through `app.handle()` and, for endpoints, `app.serve()`: no socket.
 * Its observers tell how each call ended.
 */
export function appTarget(app: TestableApp, auth: ReplayAuth = {}): ReplayTarget {
  const outcomes = outcomesOf(app);
  return {
    sessionContext: app.options.es.sessionContext,
    apiVersion: app.options.apiVersion,
    send: async (body, headers) => {
      const result = await app.handle(body, { ...headers, ...authHeaders(auth, body) });
      const id = result.headers['x-request-id'];
      const outcome = id === undefined ? undefined : outcomes.get(id);
      if (id !== undefined) outcomes.delete(id);
      return { ...result, outcome };
    },
    call: async (request, headers) => {
      const body = request.body === undefined ? '' : JSON.stringify(request.body);
      const http: HttpRequest = {
        method: request.method.toUpperCase(),
        path: request.path,
        query: queryString(request.query),
        headers: normalizeHeaders({ ...jsonType(request), ...headers, ...request.headers, ...authHeaders(auth, body) }),
        webhookPath: '/webhook',
        body: () => Promise.resolve(body),
      };
      return (await app.serve(http)) ?? errorResult(new NotFoundError());
    },
  };
}

/** Outcomes by request id, from one observer per app; a call nobody collects is dropped after a while. */
const OUTCOMES = new WeakMap<TestableApp, Map<string, Outcome>>();
const UNCOLLECTED = 1000;

function outcomesOf(app: TestableApp): Map<string, Outcome> {
  let outcomes = OUTCOMES.get(app);
  if (outcomes === undefined) {
    const byId = new Map<string, Outcome>();
    // A stand-in for an app (a proxy in a test) may have no observers: its outcomes stay unknown.
    app.observe?.((exchange) => {
      byId.set(exchange.requestId, exchange.outcome);
      if (byId.size > UNCOLLECTED) byId.delete(byId.keys().next().value!);
    });
    OUTCOMES.set(app, byId);
    outcomes = byId;
  }
  return outcomes;
}

/** A call with a body sends it as JSON unless its headers say otherwise. */
function jsonType(request: EndpointRequest): Record<string, string> {
  return request.body === undefined ? {} : { 'content-type': 'application/json' };
}

/** The query of an endpoint request as a string without its `?`. */
export function queryString(query: EndpointRequest['query']): string {
  if (query === undefined) return '';
  if (typeof query === 'string') return query.replace(/^\?/, '');
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) for (const one of typeof value === 'string' ? [value] : value) params.append(name, one);
  return params.toString();
}

/** Options of `urlTarget()`. */
export interface UrlTargetOptions {
  auth?: ReplayAuth;
  /** Give up on one request after this long. Default 35 s (longer than Dialogflow's 30 s maximum). */
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
  /** The ES session context of the server, when it is not the default. */
  sessionContext?: string;
  /** Where endpoint paths are resolved. Default: the origin of the webhook's URL (`http://localhost:8080`). */
  endpointBase?: string;
}

/** A running webhook: each request is POSTed to `url`; endpoint calls go to their paths on its origin. A network failure rejects with the reason. */
export function urlTarget(url: string, options: UrlTargetOptions = {}): ReplayTarget {
  const fetch = options.fetch ?? globalThis.fetch;
  const base = options.endpointBase ?? new URL(url).origin;
  const exchange = async (target: string, method: string, headers: Record<string, string>, body: string | undefined): Promise<HttpResult> => {
    let response: Response;
    try {
      response = await fetch(target, { method, headers, ...(body === undefined ? {} : { body }), signal: AbortSignal.timeout(options.timeoutMs ?? 35_000) });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new TargetUnreachableError(target, cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error)));
    }
    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      responseHeaders[name] = value;
    });
    return { status: response.status, headers: responseHeaders, body: await response.text() };
  };
  return {
    sessionContext: options.sessionContext ?? DEFAULT_SESSION_CONTEXT,
    send: (body, headers) => exchange(url, 'POST', { ...headers, ...authHeaders(options.auth ?? {}, body) }, body),
    call(request, headers) {
      const body = request.body === undefined ? undefined : JSON.stringify(request.body);
      const query = queryString(request.query);
      const target = `${base.replace(/\/$/, '')}${request.path}${query === '' ? '' : `?${query}`}`;
      return exchange(
        target,
        request.method.toUpperCase(),
        { ...jsonType(request), ...headers, ...request.headers, ...authHeaders(options.auth ?? {}, body ?? '') },
        body,
      );
    },
  };
}
