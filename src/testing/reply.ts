import type { JsonObject, JsonValue } from '../generated/types.js';
import type { Outcome } from '../telemetry/exchange.js';
import type { HttpResult } from '../http/http-result.js';
import { field, isJsonObject } from '../base/json-object.js';
import { contextId } from './session-simulator.js';
import type { Dialect } from '../base/dialect.js';
import { DEFAULT_SESSION_CONTEXT } from '../dialects/es/es-turn.js';

/** An ES context in an answer. */
export interface ContextOut {
  lifespanCount: number;
  parameters: JsonObject;
}

/**
 * How a turn ended: `answered` by a route's handlers; `empty`, the handlers finished without
 * saying or changing anything (usually a promise nobody awaited); `fallback`, no route matched;
 * `error`, a handler threw (the apology, or what `onError` said); `timeout`, the deadline came
 * first; `invalid-response`, production's safe answer to an invalid response; `refused`, no
 * turn at all (a 4xx or 5xx).
 */
export type ReplyOutcome = 'answered' | Exclude<Outcome, 'handled'>;

/** The answer to one turn, as a conversation designer reads it. */
export interface Reply {
  dialect: Dialect;
  status: number;
  /**
   * How the turn ended (see ReplyOutcome). Undefined for a 200 from a webhook over HTTP, which
   * does not say.
   */
  outcome?: ReplyOutcome | undefined;
  /** The parsed WebhookResponse (200), or the error body (`{ error: { code, message } }`). */
  body: JsonObject | undefined;
  /** Every text the user would read, in order. */
  texts: string[];
  /** The texts joined with new lines. */
  text: string;
  /**
   * Session parameters the answer sends, and `null` for those it deletes. CX: `sessionInfo.parameters`.
   * ES: the session context's parameters, with `null` for those the request's session context had.
   */
  params: JsonObject;
  /** ES: the answer sent the whole session context, so any parameter it leaves out is gone. */
  sessionReplaced: boolean;
  /** ES: contexts the answer sets (lifespan 0: deletes), by id; the session context is in `params`. */
  contexts: Record<string, ContextOut>;
  /** CX: the transition, if any. */
  targetPage: string | undefined;
  targetFlow: string | undefined;
  /** CX: form parameters the answer marks, by name. */
  form: Record<string, string>;
}

export { DEFAULT_SESSION_CONTEXT };

/** Reads an HTTP answer to `request` into a Reply. */
export function toReply(
  dialect: Dialect,
  request: JsonObject,
  result: HttpResult & { readonly outcome?: Outcome | undefined },
  sessionContext = DEFAULT_SESSION_CONTEXT,
): Reply {
  const body = parseBody(result.body);
  const response = result.status === 200 && body !== undefined ? body : {};
  const texts = dialect === 'cx' ? cxTexts(response) : esTexts(response);
  const reply: Reply = {
    dialect,
    status: result.status,
    outcome: result.status !== 200 ? 'refused' : result.outcome === 'handled' ? 'answered' : result.outcome,
    body,
    texts,
    text: texts.join('\n'),
    params: {},
    sessionReplaced: false,
    contexts: {},
    targetPage: stringOf(response.targetPage),
    targetFlow: stringOf(response.targetFlow),
    form: {},
  };
  if (dialect === 'cx') {
    const params = field(response, 'sessionInfo', 'parameters');
    if (isJsonObject(params)) reply.params = { ...params };
    for (const info of listOf(field(response, 'pageInfo', 'formInfo', 'parameterInfo'))) {
      reply.form[String(field(info, 'displayName') ?? '')] = String(field(info, 'state') ?? 'PARAMETER_STATE_UNSPECIFIED');
    }
  } else {
    readContexts(reply, request, response, sessionContext);
  }
  return reply;
}

function readContexts(reply: Reply, request: JsonObject, response: JsonObject, sessionContext: string): void {
  for (const context of listOf(response.outputContexts)) {
    const id = contextId(field(context, 'name'));
    const out = { lifespanCount: Number(field(context, 'lifespanCount') ?? 0), parameters: objectOf(field(context, 'parameters')) };
    if (id !== sessionContext) {
      reply.contexts[id] = out;
      continue;
    }
    reply.sessionReplaced = true;
    const after = out.lifespanCount > 0 ? out.parameters : {};
    const before = objectOf(
      field(
        listOf(field(request, 'queryResult', 'outputContexts')).find((c) => contextId(field(c, 'name')) === sessionContext),
        'parameters',
      ),
    );
    for (const [name, value] of Object.entries(after)) reply.params[name] = value;
    for (const name of Object.keys(before)) if (!Object.hasOwn(after, name)) reply.params[name] = null;
  }
}

function cxTexts(response: JsonObject): string[] {
  return listOf(field(response, 'fulfillmentResponse', 'messages')).flatMap((m) => listOf(field(m, 'text', 'text')).map(String));
}

function esTexts(response: JsonObject): string[] {
  const texts = listOf(response.fulfillmentMessages).flatMap((m) => listOf(field(m, 'text', 'text')).map(String));
  const legacy = stringOf(response.fulfillmentText);
  return texts.length === 0 && legacy !== undefined ? [legacy] : texts;
}

function parseBody(text: string): JsonObject | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return isJsonObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function listOf(value: JsonValue | undefined): JsonValue[] {
  return Array.isArray(value) ? value : [];
}

function objectOf(value: JsonValue | undefined): JsonObject {
  return isJsonObject(value) ? value : {};
}

function stringOf(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
