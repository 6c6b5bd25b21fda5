import type { EsWebhookRequest, JsonObject, JsonValue } from '../generated/types.js';
import { DEFAULT_SESSION_CONTEXT } from './reply.js';

/** The agent test requests belong to, unless `session()` names another. */
export const ES_TEST_AGENT = 'projects/test-project/agent';

/**
 * An ES WebhookRequest, built fluently. Every method returns a new builder:
 *
 *   esRequest('order.status').params({ customer_id: '12345' }).context('awaiting_id', { lifespan: 2 })
 */
export class EsRequestBuilder {
  private constructor(private readonly request: EsWebhookRequest) {}

  /** A request for an intent (display name), as Dialogflow ES sends it. */
  static forIntent(intent?: string): EsRequestBuilder {
    const builder = new EsRequestBuilder({
      responseId: 'test-response',
      session: `${ES_TEST_AGENT}/sessions/test-session`,
      queryResult: {
        queryText: '',
        languageCode: 'en',
        parameters: {},
        allRequiredParamsPresent: true,
        intentDetectionConfidence: 1,
        outputContexts: [],
      },
      originalDetectIntentRequest: { source: 'DIALOGFLOW_CONSOLE', payload: {} },
    });
    return intent === undefined ? builder : builder.intent(intent);
  }

  intent(displayName: string): EsRequestBuilder {
    return this.with((r) => (r.queryResult!.intent = { name: `${agentOf(r)}/intents/${displayName.replace(/[^\w-]/g, '-')}`, displayName }));
  }

  action(action: string): EsRequestBuilder {
    return this.with((r) => (r.queryResult!.action = action));
  }

  /** The matched intent's parameters, added to those already given. */
  params(parameters: Record<string, JsonValue>): EsRequestBuilder {
    return this.with((r) => (r.queryResult!.parameters = { ...r.queryResult!.parameters, ...parameters }));
  }

  /** An active context (replaced if it is already there). Lifespan 5 by default. */
  context(id: string, options: { lifespan?: number; params?: Record<string, JsonValue> } = {}): EsRequestBuilder {
    return this.with((r) => {
      const name = `${r.session}/contexts/${id.toLowerCase()}`;
      const others = (r.queryResult!.outputContexts ?? []).filter((c) => c.name !== name);
      const context = { name, lifespanCount: options.lifespan ?? 5, ...(options.params === undefined ? {} : { parameters: options.params }) };
      r.queryResult!.outputContexts = [...others, context];
    });
  }

  /** Session parameters from earlier turns: the session context the app keeps them in. */
  sessionParams(parameters: Record<string, JsonValue>, options: { context?: string; lifespan?: number } = {}): EsRequestBuilder {
    return this.context(options.context ?? DEFAULT_SESSION_CONTEXT, { lifespan: options.lifespan ?? 50, params: parameters });
  }

  text(text: string): EsRequestBuilder {
    return this.with((r) => (r.queryResult!.queryText = text));
  }

  language(languageCode: string): EsRequestBuilder {
    return this.with((r) => (r.queryResult!.languageCode = languageCode));
  }

  /** The session: an id (`s1`) or a full session name. Contexts already given move with it. */
  session(session: string): EsRequestBuilder {
    return this.with((r) => {
      const name = session.includes('/') ? session : `${agentOf(r)}/sessions/${session}`;
      for (const context of r.queryResult!.outputContexts ?? []) context.name = `${name}/contexts/${(context.name ?? '').split('/').pop()}`;
      r.session = name;
    });
  }

  /** The integration the request came from (`facebook`, `slack`, `google`), with its payload. */
  source(source: string, payload: JsonObject = {}): EsRequestBuilder {
    return this.with((r) => (r.originalDetectIntentRequest = { ...r.originalDetectIntentRequest, source, payload }));
  }

  build(): EsWebhookRequest {
    return structuredClone(this.request);
  }

  private with(change: (request: EsWebhookRequest) => unknown): EsRequestBuilder {
    const next = structuredClone(this.request);
    change(next);
    return new EsRequestBuilder(next);
  }
}

/** Starts an ES request for an intent (display name). */
export function esRequest(intent?: string): EsRequestBuilder {
  return EsRequestBuilder.forIntent(intent);
}

function agentOf(request: EsWebhookRequest): string {
  const session = request.session ?? '';
  const at = session.indexOf('/sessions/');
  return at === -1 ? ES_TEST_AGENT : session.slice(0, at).replace(/\/environments\/[^/]+\/users\/[^/]+$/, '');
}
