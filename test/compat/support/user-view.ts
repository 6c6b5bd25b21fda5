import type { EsIntentMessage, EsWebhookResponse, JsonObject, JsonValue } from '../../../src/index.js';

/** An answer as it came back: a status and a JSON body, or none at all (the request hung). */
export type Answer = { status: number; body: JsonObject } | 'no answer';

/** What the user gets from an ES answer on one platform: what the comparison of the two libraries looks at. */
export interface UserView {
  status: number | 'no answer';
  texts: string[];
  rich: { kind: string; content: JsonValue }[];
  payload?: JsonValue;
  contexts: { id: string; lifespan: number; parameters?: JsonValue }[];
  followupEvent?: { name: string; parameters?: JsonValue };
  /** An error body (4xx/5xx): its code. */
  error?: string;
}

const TEXT_KINDS = new Set(['text', 'simpleResponses']);

/**
 * Reduces an answer to what Dialogflow shows on `platform` (the request's integration, or none):
 * the messages for that platform (or, if none is for it, those for every platform), else
 * fulfillmentText; nothing of them when a followup event takes over; contexts by id, with an
 * absent lifespan read as proto3 reads it (0) and no parameters on an ended one.
 */
export function userView(answer: Answer, platform: string | undefined): UserView {
  if (answer === 'no answer') return { status: 'no answer', texts: [], rich: [], contexts: [] };
  const body = answer.body as EsWebhookResponse & { error?: { code: string } };
  if (answer.status !== 200) return { status: answer.status, texts: [], rich: [], contexts: [], error: body.error?.code ?? 'none' };
  const view: UserView = { status: 200, texts: [], rich: [], contexts: contextsOf(body) };
  if (body.followupEventInput !== undefined) {
    const { name, parameters } = body.followupEventInput;
    view.followupEvent = { name: name ?? '', ...(parameters === undefined ? {} : { parameters }) };
    return view;
  }
  const messages = body.fulfillmentMessages ?? [];
  const own = messages.filter((m) => platform !== undefined && m.platform === platform);
  const shown = own.length > 0 ? own : messages.filter((m) => m.platform === undefined || m.platform === 'PLATFORM_UNSPECIFIED');
  if (messages.length === 0 && body.fulfillmentText !== undefined) view.texts.push(body.fulfillmentText);
  for (const message of shown) {
    const kind = kindOf(message);
    if (TEXT_KINDS.has(kind)) view.texts.push(...textsOf(message));
    else view.rich.push({ kind, content: (message as Record<string, JsonValue>)[kind]! });
  }
  if (body.payload !== undefined) view.payload = body.payload;
  return view;
}

function kindOf(message: EsIntentMessage): string {
  return Object.keys(message).find((key) => key !== 'platform') ?? 'empty';
}

function textsOf(message: EsIntentMessage): string[] {
  if (message.text !== undefined) return [message.text.text?.[0] ?? ''];
  return (message.simpleResponses?.simpleResponses ?? []).map((r) => r.displayText ?? r.textToSpeech ?? r.ssml ?? '');
}

function contextsOf(body: EsWebhookResponse): UserView['contexts'] {
  return (body.outputContexts ?? [])
    .map((context) => {
      const id = (context.name ?? '').split('/').pop()!.toLowerCase();
      const lifespan = Number(context.lifespanCount ?? 0);
      return { id, lifespan, ...(lifespan > 0 && context.parameters !== undefined ? { parameters: context.parameters } : {}) };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}
