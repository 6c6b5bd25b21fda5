import { authenticate } from '../auth/authenticate.js';
import type { Caller } from '../auth/verifier.js';
import { detectDialect } from '../dialects/detect.js';
import { FulfillerError, InvalidRequestError, ShuttingDownError } from '../errors.js';
import { normalizeHeaders, type HeadersInput } from '../http/headers.js';
import { errorResult, jsonResult, type HttpResult } from '../http/http-result.js';
import { parseJsonObject, type BodyInput } from '../http/json-body.js';
import { LazyChild } from '../logging/lazy-child.js';
import { validateSchema } from '../schema/validate.js';
import type { Exchange } from './exchange.js';
import { requestIdFrom } from './request-id.js';
import { runTurn, type TurnEngine } from './run-turn.js';
import { sessionIdOf } from '../ops/session-id-of.js';
import { tracedTurn } from '../telemetry/traced-turn.js';
import type { Dialect } from '../base/dialect.js';

/** The engine plus its readiness and observers: all the webhook pipeline needs. */
export interface WebhookEngine extends TurnEngine {
  readonly ready: boolean;
  notify(exchange: Exchange): void;
}

/**
 * The transport-free webhook pipeline: parse, tell the dialect, check the request schema, run
 * the turn, answer. Bad input gets a coded 4xx before any handler runs. Observers see every
 * call, refused or answered.
 */
export async function handleWebhook(engine: WebhookEngine, body: BodyInput, headersInput?: HeadersInput): Promise<HttpResult> {
  const started = performance.now(); // a duration for logs and metrics: monotonic, whatever the clock
  const headers = normalizeHeaders(headersInput);
  const requestId = requestIdFrom(headers['x-request-id']);
  const idHeader = { 'x-request-id': requestId };
  const log = new LazyChild(engine.options.logger, { requestId });
  const elapsed = (): number => Math.round((performance.now() - started) * 100) / 100;

  let request: Record<string, unknown> | undefined;
  let dialect: Dialect | undefined;
  let caller: Caller | undefined;
  try {
    if (!engine.ready) throw new ShuttingDownError();
    // Before any parsing: signatures are over the bytes received, and nothing unauthenticated is parsed.
    if (engine.options.auth !== undefined) caller = await authenticate(engine.options.auth, { headers, rawBody: rawBytes(body) }, log);
    request = parseJsonObject(body);
    dialect = detectDialect(request);
    const result = validateSchema(dialect, 'request', request);
    if (!result.ok) {
      const issue = result.issues[0]!;
      throw new InvalidRequestError(issue.message, issue.path);
    }
  } catch (error) {
    if (!(error instanceof FulfillerError)) throw error;
    log.info({ code: error.code, status: error.status, path: error.path }, 'request refused');
    const refused = errorResult(error, idHeader);
    const { status, body: text } = refused;
    engine.notify({ requestId, dialect, headers, request, status, body: text, outcome: 'refused', route: undefined, ms: elapsed(), errorCode: error.code });
    return refused;
  }

  const session = sessionIdOf(dialect, request);
  const turnLog = new LazyChild(engine.options.logger, { requestId, dialect, session });
  const result = await tracedTurn(dialect, requestId, () => runTurn(engine, dialect, request, { requestId, headers, log: turnLog, caller }));
  const ms = elapsed();
  // One line per call, on the root logger: a child made just for it would cost more than the line.
  engine.options.logger.info({ requestId, dialect, session, outcome: result.outcome, route: result.route, status: 200, ms }, 'turn answered');
  engine.notify({ requestId, dialect, headers, request, status: 200, body: result.body, outcome: result.outcome, route: result.route, ms, errorCode: result.errorCode });
  return jsonResult(200, result.body, idHeader);
}

/** The body as received, for signature checks; undefined when a framework already parsed it. */
function rawBytes(body: BodyInput): Uint8Array | undefined {
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  return body instanceof Uint8Array ? body : undefined;
}
