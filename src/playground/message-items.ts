import { defined } from './json-map.js';
import { richCards } from './rich-parts.js';
import type { ChatItem, Json, JsonMap } from './view.js';

/* The pieces both dialects' messages are made of, as chat items. */

/** A text message's variants: the first is shown, the others noted. */
export function textItems(variants: Json | undefined, channel: string | undefined): ChatItem[] {
  const texts = (Array.isArray(variants) ? variants : []).map((t) => String(t));
  if (texts.length === 0) return [];
  return [defined({ kind: 'text', text: texts[0]!, channel, alternatives: texts.length > 1 ? texts.slice(1) : undefined }) as ChatItem];
}

/** A custom payload: Messenger rich content becomes cards; anything else is shown as it is. */
export function payloadItems(payload: JsonMap, channel: string | undefined): ChatItem[] {
  if (payload.richContent !== undefined) return richCards(payload.richContent).map((parts) => defined({ kind: 'card', parts, channel }) as ChatItem);
  return [defined({ kind: 'payload', json: payload, channel }) as ChatItem];
}

/** Speech: SSML shown as the text it speaks, marked as speech. */
export function speech(audio: JsonMap, channel: string | undefined): ChatItem {
  const ssml = typeof audio.ssml === 'string' ? audio.ssml : undefined;
  const text = ssml !== undefined ? spokenText(ssml) : String(audio.text ?? '');
  return defined({ kind: 'audio', text, ssml: ssml !== undefined, channel }) as ChatItem;
}

/** The words of an SSML document: tags out, entities decoded, spaces tidied. */
export function spokenText(ssml: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return ssml
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => entities[name]!)
    .replace(/\s+/g, ' ')
    .trim();
}

export function event(kind: Extract<ChatItem, { kind: 'event' }>['event'], label: string, detail: Json | undefined): ChatItem {
  if (detail === undefined || detail === null) return { kind: 'event', event: kind, label };
  return { kind: 'event', event: kind, label, detail: typeof detail === 'string' ? detail : JSON.stringify(detail) };
}
