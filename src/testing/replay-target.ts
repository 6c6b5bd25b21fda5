import type { Fulfiller } from '../app/fulfiller.js';
import type { HttpResult } from '../http/http-result.js';
import type { Outcome } from '../telemetry/exchange.js';
import { authHeaders, type ReplayAuth } from './replay-auth.js';
import { DEFAULT_SESSION_CONTEXT } from './reply.js';
import { TargetUnreachableError } from '../errors.js';

/** An answer, and how the call ended when the target can tell (an app in this process can). */
export interface TargetResult extends HttpResult {
  readonly outcome?: Outcome | undefined;
}

/** Where replayed requests go: an app in this process, or a webhook over HTTP. */
export interface ReplayTarget {
  /** Sends one request body with its headers (auth headers are added here, where the body is final). */
  send(body: string, headers: Readonly<Record<string, string>>): Promise<TargetResult>;
  /** The ES context that carries session parameters on this target. */
  readonly sessionContext: string;
}

/** An app in this process, through `app.handle()`: no socket. Its observers tell how each call ended. */
export function appTarget(app: Fulfiller, auth: ReplayAuth = {}): ReplayTarget {
  const outcomes = outcomesOf(app);
  return {
    sessionContext: app.options.es.sessionContext,
    send: async (body, headers) => {
      const result = await app.handle(body, { ...headers, ...authHeaders(auth, body) });
      const id = result.headers['x-request-id'];
      const outcome = id === undefined ? undefined : outcomes.get(id);
      if (id !== undefined) outcomes.delete(id);
      return { ...result, outcome };
    },
  };
}

/** Outcomes by request id, from one observer per app; a call nobody collects is dropped after a while. */
const OUTCOMES = new WeakMap<Fulfiller, Map<string, Outcome>>();
const UNCOLLECTED = 1000;

function outcomesOf(app: Fulfiller): Map<string, Outcome> {
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

/** Options of `urlTarget()`. */
export interface UrlTargetOptions {
  auth?: ReplayAuth;
  /** Give up on one request after this long. Default 35 s (longer than Dialogflow's 30 s maximum). */
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
  /** The ES session context of the server, when it is not the default. */
  sessionContext?: string;
}

/** A running webhook: each request is POSTed to `url`. A network failure rejects with the reason. */
export function urlTarget(url: string, options: UrlTargetOptions = {}): ReplayTarget {
  const fetch = options.fetch ?? globalThis.fetch;
  return {
    sessionContext: options.sessionContext ?? DEFAULT_SESSION_CONTEXT,
    async send(body, headers) {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { ...headers, ...authHeaders(options.auth ?? {}, body) },
          body,
          signal: AbortSignal.timeout(options.timeoutMs ?? 35_000),
        });
      } catch (error) {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        throw new TargetUnreachableError(url, cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error)));
      }
      const responseHeaders: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        responseHeaders[name] = value;
      });
      return { status: response.status, headers: responseHeaders, body: await response.text() };
    },
  };
}
