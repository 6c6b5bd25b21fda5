/**
 * The drop-in path: an Express or Cloud Functions handler written for dialogflow-fulfillment,
 * its call served by the app's own Cloud Functions adapter (app.cloudFunction(): the HTTP checks,
 * the raw body for signatures, app.handle(), answers written at the end of the event-loop turn);
 * a test double of a response, which is no node:http response, gets app.handle()'s answer
 * directly. The call reaches the app's compat route through a header that only this module sets,
 * on its own copy of the headers, so that the route finds the call that asked.
 */
import type { ServerResponse } from 'node:http';
import { createFulfiller, FulfillerError, InternalError, type Fulfiller, type HttpResult, type Logger, type Turn } from '../../index.js';
import type { CompatCall } from './compat-call.js';

/** The request as Express and the Functions Framework give it. */
export interface LegacyRequest {
  method?: string;
  body?: unknown;
  /** The bytes as received (Cloud Functions): used when present, for signature checks. */
  rawBody?: unknown;
  headers?: Readonly<Record<string, string | readonly string[] | undefined>>;
}

/** The response as Express and the Functions Framework give it (a node:http response, or `status()` and `json()`). */
export interface LegacyResponse {
  headersSent?: boolean;
  statusCode?: number;
  setHeader?(name: string, value: string): unknown;
  end?(body?: string): unknown;
  status?(code: number): unknown;
  json?(body: unknown): unknown;
}

type Adapter = ReturnType<Fulfiller['cloudFunction']>;

const TOKEN = 'x-fulfiller-compat-token';
const pending = new Map<string, CompatCall>();
const adapters = new WeakMap<Fulfiller, Adapter>();
let shared: Fulfiller | undefined;

export interface StandaloneCall {
  app: Fulfiller | undefined;
  call: CompatCall;
  request: LegacyRequest;
  response: LegacyResponse;
  /** Why the call is refused before the pipeline (a CX request). */
  refusal: FulfillerError | undefined;
}

/** Answers the call through the app's pipeline and writes the answer to the response. Never rejects. */
export async function answerStandalone({ app, call, request, response, refusal }: StandaloneCall): Promise<void> {
  const target = app ?? (shared ??= createFulfiller());
  const adapter = adapterOf(target);
  const log = target.options.logger;
  if (refusal !== undefined) {
    log.info({ code: refusal.code, status: refusal.status }, 'request refused');
    write(response, errorResult(refusal), log);
    return;
  }
  const token = globalThis.crypto.randomUUID();
  pending.set(token, call);
  try {
    const headers = headersWith(request.headers, token);
    if (isNodeResponse(response)) {
      // What the adapter reads of a framework's request, with the headers that carry the token.
      const view = { method: request.method ?? 'POST', headers, rawBody: request.rawBody, body: request.body ?? '', readableEnded: true };
      await adapter(view as unknown as Parameters<Adapter>[0], response);
      return;
    }
    const result = await target.handle(bodyInput(request), headers).catch((error: unknown) => {
      if (error instanceof FulfillerError) return errorResult(error);
      log.error({ err: error instanceof Error ? error.message : String(error) }, 'unexpected error answering a dialogflow-fulfillment call');
      return errorResult(new InternalError());
    });
    write(response, result, log);
  } finally {
    pending.delete(token);
  }
}

/**
 * The app's Cloud Functions adapter, made once per app together with the app's one compat route:
 * intents the waiting call has a handler for (the others get the app's fallback).
 */
function adapterOf(app: Fulfiller): Adapter {
  let adapter = adapters.get(app);
  if (adapter === undefined) {
    app.intent(
      (intent, turn) => callOf(turn)?.handles(intent) === true,
      (turn) => (turn.platform === 'es' ? callOf(turn)!.run(turn) : undefined),
    );
    adapter = app.cloudFunction();
    adapters.set(app, adapter);
  }
  return adapter;
}

function isNodeResponse(response: LegacyResponse): response is LegacyResponse & ServerResponse {
  const node = response as Partial<ServerResponse>;
  return typeof node.writeHead === 'function' && typeof node.end === 'function' && typeof node.destroy === 'function';
}

function callOf(turn: Turn): CompatCall | undefined {
  const token = turn.headers[TOKEN];
  return token === undefined ? undefined : pending.get(token);
}

function bodyInput(request: LegacyRequest): string | Uint8Array | object {
  if (Buffer.isBuffer(request.rawBody)) return request.rawBody;
  const { body } = request;
  return typeof body === 'string' || (typeof body === 'object' && body !== null) ? body : '';
}

/** The request's headers, lower-case, with the token; a header of that name sent by the caller is replaced. */
function headersWith(input: LegacyRequest['headers'], token: string): Record<string, string> {
  const headers = Object.create(null) as Record<string, string>;
  for (const name in input) {
    const value = input[name];
    if (value !== undefined && Object.hasOwn(input, name)) headers[name.toLowerCase()] = typeof value === 'string' ? value : value.join(', ');
  }
  headers[TOKEN] = token;
  return headers;
}

function errorResult(error: FulfillerError): HttpResult {
  return { status: error.status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(error.toJSON()) };
}

function write(response: LegacyResponse, result: HttpResult, log: Logger): void {
  try {
    if (response.headersSent === true) {
      log.warn({ status: result.status }, 'the response was already sent by other code: the webhook answer is dropped');
    } else if (typeof response.setHeader === 'function' && typeof response.end === 'function') {
      response.statusCode = result.status;
      for (const [name, value] of Object.entries(result.headers)) response.setHeader(name, value);
      response.end(result.body);
    } else if (typeof response.status === 'function' && typeof response.json === 'function') {
      response.status(result.status);
      response.json(JSON.parse(result.body));
    } else {
      log.error({}, 'the response given to new WebhookClient({ request, response }) has neither setHeader() and end() nor status() and json(): nothing was sent');
    }
  } catch (error) {
    log.error({ err: error instanceof Error ? error.message : String(error) }, 'writing the webhook answer failed');
  }
}
