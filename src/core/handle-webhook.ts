import { randomUUID } from 'node:crypto';
import { detectDialect, type Dialect } from '../dialects/detect.js';
import { FulfillerError, InvalidRequestError, ShuttingDownError } from '../errors.js';
import { normalizeHeaders, type HeadersInput } from '../http/headers.js';
import { errorResult, jsonResult, type HttpResult } from '../http/http-result.js';
import { parseJsonObject, type BodyInput } from '../http/json-body.js';
import { validateSchema } from '../schema/validate.js';
import { runTurn, type TurnEngine } from './run-turn.js';

/** The engine plus its readiness, which is all the webhook pipeline needs. */
export interface WebhookEngine extends TurnEngine {
  readonly ready: boolean;
}

const REQUEST_ID = /^[\w.:@-]{1,128}$/;

/**
 * The transport-free webhook pipeline: parse, tell the dialect, check the request schema, run
 * the turn, answer. Bad input gets a coded 4xx before any handler runs.
 */
export async function handleWebhook(engine: WebhookEngine, body: BodyInput, headersInput?: HeadersInput): Promise<HttpResult> {
  const started = engine.options.clock.now();
  const headers = normalizeHeaders(headersInput);
  const incomingId = headers['x-request-id'];
  const requestId = incomingId !== undefined && REQUEST_ID.test(incomingId) ? incomingId : randomUUID();
  const idHeader = { 'x-request-id': requestId };
  const log = engine.options.logger.child({ requestId });

  let request: Record<string, unknown>;
  let dialect: Dialect;
  try {
    if (!engine.ready) throw new ShuttingDownError();
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
    return errorResult(error, idHeader);
  }

  const turnLog = log.child({ dialect });
  const result = await runTurn(engine, dialect, request, { requestId, headers, log: turnLog });
  turnLog.info(
    { outcome: result.outcome, route: result.route?.kind, status: 200, ms: Math.round((engine.options.clock.now() - started) * 10) / 10 },
    'turn answered',
  );
  return jsonResult(200, result.body, idHeader);
}
