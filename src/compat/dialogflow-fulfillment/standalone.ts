/**
 * The drop-in path: an Express or Cloud Functions handler written for dialogflow-fulfillment,
 * its call served by the app's own Cloud Functions adapter (the HTTP checks, the raw body for
 * signatures, or the body a parser made, app.serve(), answers written at the end of the
 * event-loop turn). A test double that is no node:http request and response gets app.handle()'s
 * answer directly. The call reaches the app's compat route through a header that only this module
 * sets, on its own copy of the headers, so that the route finds the call that asked.
 */
import { IncomingMessage, ServerResponse } from 'node:http';
import {
  cloudFunctionHandler,
  CompatDialectError,
  createFulfiller,
  detectDialect,
  type BodyInput,
  type FulfillerError,
  type Fulfiller,
  type Gateway,
  type HttpRequest,
  type HttpResult,
  type Logger,
  type Turn,
} from '../../index.js';
import type { RunnableCall } from './compat-call.js';

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

type FrameworkRequest = Parameters<ReturnType<typeof cloudFunctionHandler>>[0];

const TOKEN = 'x-fulfiller-compat-token';
const pending = new Map<string, RunnableCall>();
let prefix: string | undefined;
let count = 0;
const prepared = new WeakSet<Fulfiller>();
let shared: Fulfiller | undefined;

export interface StandaloneCall {
  app: Fulfiller | undefined;
  call: RunnableCall;
  request: LegacyRequest;
  response: LegacyResponse;
  /** Why the call is refused before the pipeline (a CX request). */
  refusal: FulfillerError | undefined;
  /** The client saw no body (no body parser in front): the dialect is checked when the app reads it. */
  unread: boolean;
}

/** Answers the call through the app and writes the answer to the response. Never rejects. */
export async function answerStandalone({ app, call, request, response, refusal, unread }: StandaloneCall): Promise<void> {
  const target = prepare(app ?? (shared ??= createFulfiller()));
  const log = target.logger;
  if (refusal !== undefined) {
    log.info({ code: refusal.code, status: refusal.status }, 'request refused');
    write(response, refusalAnswer(refusal), log);
    return;
  }
  const token = nextToken();
  pending.set(token, call);
  try {
    const gateway = new TokenGateway(target, token, unread);
    if (isNodeRequest(request) && isNodeResponse(response)) {
      await cloudFunctionHandler(gateway)(request, response);
    } else {
      const body = bodyInput(request);
      const answer = await gateway.serve({
        method: request.method ?? 'POST',
        path: '/',
        query: '',
        headers: normalized(request.headers),
        body: async () => body,
      });
      write(response, answer!, log);
    }
  } finally {
    pending.delete(token);
  }
}

/**
 * A token no caller can guess: a random prefix made once, and a counter. A random UUID per call
 * cost about a tenth of the call's CPU (profiled with bench/contenders/compat-express.cjs).
 */
function nextToken(): string {
  prefix ??= globalThis.crypto.randomUUID();
  return `${prefix}-${++count}`;
}

/** The app's one compat route: intents the waiting call has a handler for (the others get the app's fallback). */
function prepare(app: Fulfiller): Fulfiller {
  if (!prepared.has(app)) {
    prepared.add(app);
    app.cloudFunction(); // for its start-up line (mode, authentication, warnings); each call gets its own handler, with its token
    app.intent(
      (intent, turn) => callOf(turn)?.handles(intent) === true,
      (turn) => (turn.platform === 'es' ? callOf(turn)!.run(turn) : undefined),
    );
  }
  return app;
}

function callOf(turn: Turn): RunnableCall | undefined {
  const token = turn.headers[TOKEN];
  return token === undefined ? undefined : pending.get(token);
}

/**
 * The app as an adapter sees it (a Gateway), its requests carrying the call's token. A body the
 * client could not see is checked as the app reads it: a CX request gets the 400 it would have
 * got at once (an error thrown while reading the body is the app's answer, as a body too large is).
 * A class, not an object literal with closures: one is made per call.
 */
class TokenGateway implements Gateway {
  constructor(
    private readonly app: Fulfiller,
    private readonly token: string,
    private readonly unread: boolean,
  ) {}

  get ready(): boolean {
    return this.app.ready;
  }

  get logger(): Logger {
    return this.app.logger;
  }

  serve(request: HttpRequest): Promise<HttpResult | undefined> {
    // A copy without a prototype: the app takes it as already normalised (see normalizeHeaders).
    const headers = Object.create(null) as Record<string, string | undefined>;
    for (const name in request.headers) headers[name] = request.headers[name];
    headers[TOKEN] = this.token;
    const body = this.unread ? (limit: number) => request.body(limit).then(refuseCx) : request.body;
    return this.app.serve({ ...request, headers, body });
  }

  close(options?: { graceMs?: number }): Promise<void> {
    return this.app.close(options);
  }
}

function refuseCx(body: BodyInput): BodyInput {
  let parsed: unknown = body;
  try {
    if (typeof body === 'string' || body instanceof Uint8Array) parsed = JSON.parse(Buffer.from(body).toString('utf8'));
  } catch {
    return body; // the app answers malformed JSON itself
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return body;
  let dialect: string | undefined;
  try {
    dialect = detectDialect(parsed as Record<string, unknown>);
  } catch {
    return body; // neither: the app says so
  }
  if (dialect === 'cx') throw new CompatDialectError();
  return body;
}

function isNodeRequest(request: LegacyRequest): request is LegacyRequest & FrameworkRequest {
  return request instanceof IncomingMessage;
}

function isNodeResponse(response: LegacyResponse): response is LegacyResponse & ServerResponse {
  return response instanceof ServerResponse;
}

function bodyInput(request: LegacyRequest): string | Uint8Array | object {
  if (Buffer.isBuffer(request.rawBody)) return request.rawBody;
  const { body } = request;
  return typeof body === 'string' || (typeof body === 'object' && body !== null) ? body : '';
}

/**
 * A test double's headers as an adapter makes them: lower-case names, one string each; JSON when
 * it names no type (its body is the JSON it holds, and the old library's tests set no headers).
 */
function normalized(input: LegacyRequest['headers']): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  for (const name in input) {
    const value = input[name];
    if (value !== undefined && Object.hasOwn(input, name)) headers[name.toLowerCase()] = typeof value === 'string' ? value : value.join(', ');
  }
  return headers;
}

/** The answer to a call refused before the app (a CX request): the error's code and message, as the app answers its own refusals. */
function refusalAnswer(error: FulfillerError): HttpResult {
  return { status: error.status, headers: { 'content-type': 'application/json; charset=utf-8', ...error.headers }, body: JSON.stringify(error.toJSON()) };
}

/** Writes the answer to a response that is no node:http one (a test's double): `setHeader()` and `end()`, or `status()` and `json()`. */
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
      log.error(
        {},
        'the response given to new WebhookClient({ request, response }) has neither setHeader() and end() nor status() and json(): nothing was sent',
      );
    }
  } catch (error) {
    log.error({ err: error instanceof Error ? error.message : String(error) }, 'writing the webhook answer failed');
  }
}
