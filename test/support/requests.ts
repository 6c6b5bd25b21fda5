import type { CxWebhookRequest, EsWebhookRequest, JsonValue } from '../../src/index.js';

export const CX_AGENT = 'projects/demo-project/locations/global/agents/agent-1';
export const CX_SESSION = `${CX_AGENT}/sessions/session-1`;
export const CX_PAGE = `${CX_AGENT}/flows/flow-1/pages/page-1`;
export const ES_SESSION = 'projects/demo-project/agent/sessions/session-1';

/** A CX WebhookRequest as Dialogflow sends it, with overrides. */
export function cxRequest(
  tag: string,
  options: {
    params?: Record<string, JsonValue>;
    intent?: string;
    intentParams?: Record<string, JsonValue>;
    languageCode?: string;
    text?: string;
    form?: { name: string; required?: boolean; state?: 'EMPTY' | 'INVALID' | 'FILLED'; value?: JsonValue }[];
    extra?: Record<string, unknown>;
  } = {},
): CxWebhookRequest {
  const request: CxWebhookRequest & Record<string, unknown> = {
    detectIntentResponseId: 'response-1',
    languageCode: options.languageCode ?? 'en',
    fulfillmentInfo: { tag },
    pageInfo: { currentPage: CX_PAGE, displayName: 'Page 1' },
    sessionInfo: { session: CX_SESSION, parameters: options.params ?? {} },
    text: options.text ?? 'hello',
    ...options.extra,
  };
  if (options.intent !== undefined) {
    request.intentInfo = {
      lastMatchedIntent: `${CX_AGENT}/intents/intent-1`,
      displayName: options.intent,
      confidence: 0.9,
      parameters: Object.fromEntries(Object.entries(options.intentParams ?? {}).map(([k, v]) => [k, { originalValue: String(v), resolvedValue: v }])),
    };
  }
  if (options.form !== undefined) {
    request.pageInfo!.formInfo = {
      parameterInfo: options.form.map((p) => ({
        displayName: p.name,
        required: p.required ?? true,
        state: p.state ?? 'FILLED',
        ...(p.value === undefined ? {} : { value: p.value }),
        justCollected: true,
      })),
    };
  }
  return request;
}

/** An ES WebhookRequest as Dialogflow sends it, with overrides. */
export function esRequest(
  intent: string,
  options: {
    action?: string;
    params?: Record<string, JsonValue>;
    contexts?: { id: string; lifespan?: number; params?: Record<string, JsonValue> }[];
    languageCode?: string;
    text?: string;
    source?: string;
  } = {},
): EsWebhookRequest {
  return {
    responseId: 'response-1',
    session: ES_SESSION,
    queryResult: {
      queryText: options.text ?? 'hello',
      languageCode: options.languageCode ?? 'en',
      action: options.action ?? '',
      parameters: options.params ?? {},
      allRequiredParamsPresent: true,
      intent: { name: 'projects/demo-project/agent/intents/1', displayName: intent },
      intentDetectionConfidence: 1,
      outputContexts: (options.contexts ?? []).map((c) => ({
        name: `${ES_SESSION}/contexts/${c.id}`,
        lifespanCount: c.lifespan ?? 5,
        ...(c.params === undefined ? {} : { parameters: c.params }),
      })),
    },
    originalDetectIntentRequest: { source: options.source ?? 'DIALOGFLOW_CONSOLE', payload: {} },
  };
}

export const JSON_HEADERS = { 'content-type': 'application/json' };
