/**
 * What `new WebhookClient()` reads off an ES v2 request, field by field as dialogflow-fulfillment
 * did, so that handlers find `agent.intent`, `agent.parameters` … as soon as the client exists.
 */
import type { EsWebhookRequest, JsonObject } from '../../index.js';
import { requestSourceOf } from './platforms.js';

/** A context as the deprecated `agent.contexts` lists it. */
export interface ContextEntry {
  name: string;
  lifespan: number | undefined;
  parameters: JsonObject | undefined;
}

export interface RequestFields {
  intent: string | null;
  action: string | null;
  parameters: JsonObject;
  requestSource: string | null;
  originalRequest: EsWebhookRequest['originalDetectIntentRequest'];
  query: string | null;
  locale: string | null;
  session: string | null;
  alternativeQueryResults: unknown;
}

export function readRequest(request: EsWebhookRequest): RequestFields {
  const result = request.queryResult ?? {};
  const session = request.session ?? null;
  return {
    intent: result.intent?.displayName ?? null,
    action: result.action || null,
    parameters: result.parameters ?? {},
    requestSource: requestSourceOf(request.originalDetectIntentRequest),
    originalRequest: request.originalDetectIntentRequest,
    query: result.queryText ?? null,
    locale: result.languageCode ?? null,
    session,
    alternativeQueryResults: (request as { alternativeQueryResults?: unknown }).alternativeQueryResults ?? null,
  };
}

/** The deprecated `agent.contexts`: the request's contexts as a list. */
export function contextEntries(request: EsWebhookRequest | undefined): ContextEntry[] {
  return (request?.queryResult?.outputContexts ?? []).map((context) => ({
    name: (context.name ?? '').slice((context.name ?? '').lastIndexOf('/') + 1),
    lifespan: context.lifespanCount,
    parameters: context.parameters,
  }));
}
