import type { CxWebhookRequest, JsonObject, JsonValue } from '../generated/types.js';
import type { FormState } from './fixture.js';

/** The members of the request's `query` oneof: a request carries one. */
const QUERY_FIELDS = ['text', 'transcript', 'triggerEvent', 'dtmfDigits', 'triggerIntent'] as const;

/** The agent test requests belong to, unless `session()` or `page()` name another. */
export const CX_TEST_AGENT = 'projects/test-project/locations/global/agents/test-agent';
const DEFAULT_FLOW = '00000000-0000-0000-0000-000000000000';

/**
 * A CX WebhookRequest, built fluently. Every method returns a new builder, so a base request
 * can be shared between tests:
 *
 *   const order = cxRequest('order.status').params({ customer_id: '12345' });
 *   await client.send(order.language('ja'));
 */
export class CxRequestBuilder {
  private constructor(private readonly request: CxWebhookRequest) {}

  /** A request for a fulfillment tag, as Dialogflow CX sends it for a page or route. */
  static forTag(tag?: string): CxRequestBuilder {
    return new CxRequestBuilder({
      detectIntentResponseId: 'test-response',
      languageCode: 'en',
      fulfillmentInfo: { tag: tag ?? '' },
      pageInfo: { currentPage: `${CX_TEST_AGENT}/flows/${DEFAULT_FLOW}/pages/START_PAGE`, displayName: 'Start Page' },
      sessionInfo: { session: `${CX_TEST_AGENT}/sessions/test-session`, parameters: {} },
    });
  }

  tag(tag: string): CxRequestBuilder {
    return this.with((r) => (r.fulfillmentInfo = { tag }));
  }

  /** The last matched intent, with its parameters (original values are their text). */
  intent(displayName: string, parameters: Record<string, JsonValue> = {}): CxRequestBuilder {
    return this.with((r) => {
      r.intentInfo = {
        lastMatchedIntent: `${agentOf(r)}/intents/${displayName.replace(/[^\w-]/g, '-')}`,
        displayName,
        confidence: 1,
        parameters: Object.fromEntries(
          Object.entries(parameters).map(([k, v]) => [k, { originalValue: typeof v === 'string' ? v : JSON.stringify(v), resolvedValue: v }]),
        ),
      };
    });
  }

  /** Session parameters, added to those already given. */
  params(parameters: Record<string, JsonValue>): CxRequestBuilder {
    return this.with((r) => (r.sessionInfo = { ...r.sessionInfo, parameters: { ...r.sessionInfo?.parameters, ...parameters } }));
  }

  /** What the user typed (or said: `{ transcript: true }`). */
  text(text: string, options: { transcript?: boolean } = {}): CxRequestBuilder {
    return this.query(options.transcript ? 'transcript' : 'text', text);
  }

  /** DTMF input instead of text: the keys the caller pressed, a finish digit (`#`) last if any. */
  dtmf(digits: string): CxRequestBuilder {
    return this.query('dtmfDigits', digits);
  }

  /** An intent the API caller triggered directly (its id or full resource name), instead of text. */
  triggerIntent(intent: string): CxRequestBuilder {
    return this.query('triggerIntent', intent);
  }

  /** An event instead of text (`sys.no-match-default`, a custom event). */
  event(name: string): CxRequestBuilder {
    return this.query('triggerEvent', name);
  }

  /** The query of the request: one of its `query` oneof, the others cleared. */
  private query(field: (typeof QUERY_FIELDS)[number], value: string): CxRequestBuilder {
    return this.with((r) => {
      for (const other of QUERY_FIELDS) delete r[other];
      r[field] = value;
    });
  }

  language(languageCode: string): CxRequestBuilder {
    return this.with((r) => (r.languageCode = languageCode));
  }

  /** The session: an id (`s1`) or a full session name. */
  session(session: string): CxRequestBuilder {
    return this.with((r) => (r.sessionInfo = { ...r.sessionInfo, session: session.includes('/') ? session : `${agentOf(r)}/sessions/${session}` }));
  }

  /** The current page: an id (in the default flow) or a full page name. */
  page(page: string, displayName = page): CxRequestBuilder {
    const name = page.includes('/') ? page : `${CX_TEST_AGENT}/flows/${DEFAULT_FLOW}/pages/${page}`;
    return this.with((r) => (r.pageInfo = { ...r.pageInfo, currentPage: name, displayName }));
  }

  /**
   * A form parameter of the current page. FILLED (when a value is given) or EMPTY by default;
   * a filled value is a session parameter too, as in Dialogflow.
   */
  form(name: string, options: { value?: JsonValue; state?: FormState; required?: boolean; justCollected?: boolean } = {}): CxRequestBuilder {
    return this.with((r) => {
      const state = options.state ?? (options.value === undefined ? 'EMPTY' : 'FILLED');
      const info = {
        displayName: name,
        required: options.required ?? true,
        state,
        ...(options.value === undefined ? {} : { value: options.value }),
        ...(options.justCollected === undefined ? {} : { justCollected: options.justCollected }),
      };
      const others = (r.pageInfo?.formInfo?.parameterInfo ?? []).filter((p) => p.displayName !== name);
      r.pageInfo = { ...r.pageInfo, formInfo: { parameterInfo: [...others, info] } };
      if (options.value === undefined || state !== 'FILLED') return;
      r.sessionInfo = { ...r.sessionInfo, parameters: { ...r.sessionInfo?.parameters, [name]: options.value } };
    });
  }

  /** `payload` of the detectIntent call (integrations put data here). */
  payload(payload: JsonObject): CxRequestBuilder {
    return this.with((r) => (r.payload = payload));
  }

  build(): CxWebhookRequest {
    return structuredClone(this.request);
  }

  private with(change: (request: CxWebhookRequest) => unknown): CxRequestBuilder {
    const next = structuredClone(this.request);
    change(next);
    return new CxRequestBuilder(next);
  }
}

/** Starts a CX request for a fulfillment tag. */
export function cxRequest(tag?: string): CxRequestBuilder {
  return CxRequestBuilder.forTag(tag);
}

function agentOf(request: CxWebhookRequest): string {
  const session = request.sessionInfo?.session ?? '';
  const at = session.indexOf('/sessions/');
  return at === -1 ? CX_TEST_AGENT : session.slice(0, at).replace(/\/environments\/[^/]+$/, '');
}
