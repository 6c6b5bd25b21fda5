import type { CxWebhookRequest, CxWebhookResponse, EsWebhookRequest, EsWebhookResponse, Fulfiller, JsonValue } from '../../src/index.js';
import { validResponse } from '../support/responses.js';
import type { Dialect } from '../../src/base/dialect.js';

export const DIALECTS: readonly Dialect[] = ['cx', 'es'];

/** The demo's use cases: each a CX fulfillment tag and an ES intent of the same name. */
export const DEMO_USE_CASES = [
  'order.status',
  'return.eligible',
  'return.create',
  'spending.summary',
  'crm.interactions',
  'crm.next_proposal',
  'customer.validate',
  'report.generate',
  'report.status',
] as const;

export const CX_AGENT = 'projects/p/locations/global/agents/a';
export const ES_AGENT = 'projects/p/agent';

export interface TurnInput {
  /** The CX tag and the ES intent display name. */
  name: string;
  params?: Record<string, JsonValue>;
  languageCode?: string;
  /** The session id (last segment of the session name). */
  session?: string;
  /** CX only: the current page's form parameters, by name (FILLED when `params` has a value). */
  form?: readonly string[];
  /** ES only: parameters the session context (`fulfiller_session`) carries from earlier turns. */
  sessionContext?: Record<string, JsonValue>;
  text?: string;
}

let counter = 0;
const nextId = (): string => `test-${++counter}`;

export const sessionName = (dialect: Dialect, session = 's1'): string =>
  dialect === 'cx' ? `${CX_AGENT}/sessions/${session}` : `${ES_AGENT}/sessions/${session}`;

/** A CX WebhookRequest as Dialogflow CX sends it for a page or route with a fulfillment tag. */
export function cxRequest(input: TurnInput): CxWebhookRequest {
  const params = input.params ?? {};
  return {
    detectIntentResponseId: nextId(),
    languageCode: input.languageCode ?? 'en',
    fulfillmentInfo: { tag: input.name },
    sessionInfo: { session: sessionName('cx', input.session), parameters: params },
    pageInfo: {
      currentPage: `${CX_AGENT}/flows/f/pages/pg`,
      ...(input.form === undefined
        ? {}
        : {
            formInfo: {
              parameterInfo: input.form.map((name) => ({
                displayName: name,
                required: true,
                state: params[name] === undefined ? ('EMPTY' as const) : ('FILLED' as const),
                ...(params[name] === undefined ? {} : { value: params[name], justCollected: true }),
              })),
            },
          }),
    },
    text: input.text ?? 'hello',
  };
}

/** An ES WebhookRequest for the intent named `input.name`. */
export function esRequest(input: TurnInput): EsWebhookRequest {
  return {
    responseId: nextId(),
    session: sessionName('es', input.session),
    queryResult: {
      queryText: input.text ?? 'hello',
      languageCode: input.languageCode ?? 'en',
      intent: { name: `${ES_AGENT}/intents/${input.name.replace(/\W/g, '-')}`, displayName: input.name },
      parameters: input.params ?? {},
      outputContexts:
        input.sessionContext === undefined
          ? []
          : [{ name: `${sessionName('es', input.session)}/contexts/fulfiller_session`, lifespanCount: 50, parameters: input.sessionContext }],
    },
  };
}

export interface TurnOutput {
  status: number;
  /** What the user would read: every text message, joined. */
  text: string;
  /** Session parameters the response set (CX sessionInfo; ES the fulfiller_session context). */
  sessionParams: Record<string, JsonValue> | undefined;
  cx?: CxWebhookResponse;
  es?: EsWebhookResponse;
}

/** One turn through the public entry point, as a JSON body with its content type. */
export async function send(app: Fulfiller, dialect: Dialect, input: TurnInput): Promise<TurnOutput> {
  const body = dialect === 'cx' ? cxRequest(input) : esRequest(input);
  const res = await app.handle(JSON.stringify(body), { 'content-type': 'application/json' });
  const parsed = validResponse(dialect as 'cx', res) as CxWebhookResponse & EsWebhookResponse; // schema-checked
  if (dialect === 'cx') {
    const response = parsed as CxWebhookResponse;
    const text = (response.fulfillmentResponse?.messages ?? []).flatMap((m) => m.text?.text?.slice(0, 1) ?? []).join('\n');
    return { status: res.status, text, sessionParams: response.sessionInfo?.parameters, cx: response };
  }
  const response = parsed as EsWebhookResponse;
  const context = response.outputContexts?.find((c) => c.name === `${sessionName('es', input.session)}/contexts/fulfiller_session`);
  return { status: res.status, text: response.fulfillmentText ?? '', sessionParams: context?.parameters, es: response };
}
