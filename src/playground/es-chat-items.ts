import { event, payloadItems, speech, textItems } from './message-items.js';
import { asMap, defined, optional } from './json-map.js';
import type { ChatItem, Json, JsonMap, RichPart } from './view.js';

/**
 * An ES WebhookResponse as chat items: its platform messages (text, image, quick replies, card,
 * custom payload, and the Actions on Google kinds), each marked with its platform, or
 * `fulfillmentText` when there are none; a follow-up event, and the v2beta1 end of interaction
 * and live-agent handoff, as events.
 */
export function esChatItems(response: JsonMap): ChatItem[] {
  const messages = Array.isArray(response.fulfillmentMessages) ? response.fulfillmentMessages : [];
  const items = messages.flatMap((message) => esMessage(asMap(message)));
  if (messages.length === 0 && typeof response.fulfillmentText === 'string' && response.fulfillmentText !== '') {
    items.push({ kind: 'text', text: response.fulfillmentText });
  }
  const followup = asMap(response.followupEventInput);
  if (typeof followup.name === 'string') {
    items.push(event('followup-event', `Triggers the event ${followup.name} (Dialogflow then ignores the messages)`, followup.parameters));
  }
  if (response.liveAgentHandoff === true) items.push({ kind: 'event', event: 'handoff', label: 'Hands the conversation to a live agent' });
  if (response.endInteraction === true) items.push({ kind: 'event', event: 'end-interaction', label: 'The conversation ends' });
  return items;
}

function esMessage(m: JsonMap): ChatItem[] {
  const channel = typeof m.platform === 'string' && m.platform !== 'PLATFORM_UNSPECIFIED' ? m.platform : undefined;
  const card = (parts: RichPart[]): ChatItem => defined({ kind: 'card', parts, channel }) as ChatItem;
  if (m.text !== undefined) return textItems(asMap(m.text).text, channel);
  if (m.payload !== undefined) return payloadItems(asMap(m.payload), channel);
  if (m.image !== undefined) return [card([image(asMap(m.image))])];
  if (m.quickReplies !== undefined) {
    const replies = asMap(m.quickReplies);
    return [card([...titled(replies.title), { type: 'chips', chips: strings(replies.quickReplies).map((text) => ({ text })) }])];
  }
  if (m.card !== undefined) return [card(esCard(asMap(m.card)))];
  if (m.simpleResponses !== undefined) return simpleResponses(asMap(m.simpleResponses).simpleResponses, channel);
  if (m.basicCard !== undefined) return [card(basicCard(asMap(m.basicCard)))];
  if (m.suggestions !== undefined) {
    const titles = list(asMap(m.suggestions).suggestions).map((s) => String(asMap(s).title ?? ''));
    return [card([{ type: 'chips', chips: titles.map((text) => ({ text })) }])];
  }
  if (m.linkOutSuggestion !== undefined) {
    const link = asMap(m.linkOutSuggestion);
    return [card([defined({ type: 'button', text: String(link.destinationName ?? ''), link: optional(link.uri) })])];
  }
  if (m.listSelect !== undefined) {
    const select = asMap(m.listSelect);
    return [card([...titled(select.title), ...list(select.items).map((item) => listItem(asMap(item)))])];
  }
  if (m.carouselSelect !== undefined) return list(asMap(m.carouselSelect).items).map((item) => card(basicCard(asMap(item))));
  for (const key of ['telephonyPlayAudio', 'telephonySynthesizeSpeech', 'telephonyTransferCall']) {
    if (m[key] !== undefined) return [telephony(key, asMap(m[key]), channel)];
  }
  return [defined({ kind: 'payload', json: m, channel }) as ChatItem];
}

function esCard(c: JsonMap): RichPart[] {
  const parts: RichPart[] = [];
  if (typeof c.imageUri === 'string' && c.imageUri !== '') parts.push({ type: 'image', url: c.imageUri, alt: String(c.title ?? '') });
  parts.push(defined({ type: 'info', title: String(c.title ?? ''), subtitle: optional(c.subtitle) }));
  for (const b of list(c.buttons)) {
    const button = asMap(b);
    const postback = optional(button.postback);
    const isLink = postback !== undefined && /^https?:\/\//i.test(postback);
    parts.push(defined({ type: 'button', text: String(button.text ?? ''), link: isLink ? postback : undefined, event: isLink ? undefined : postback }));
  }
  return parts;
}

/** Actions on Google's basic card (and a carousel's items): image, title, text, buttons that open links. */
function basicCard(c: JsonMap): RichPart[] {
  const parts: RichPart[] = [];
  const picture = asMap(c.image);
  if (typeof picture.imageUri === 'string') parts.push(image(picture));
  const info = asMap(c.info);
  const title = String(c.title ?? info.key ?? '');
  parts.push(defined({ type: 'info', title, subtitle: optional(c.subtitle) }));
  const body = optional(c.formattedText) ?? optional(c.description);
  if (body !== undefined) parts.push({ type: 'description', lines: [body] });
  for (const b of list(c.buttons)) {
    const button = asMap(b);
    parts.push(defined({ type: 'button', text: String(button.title ?? ''), link: optional(asMap(button.openUriAction).uri) }));
  }
  return parts;
}

function listItem(item: JsonMap): RichPart {
  return defined({ type: 'list', title: String(item.title ?? ''), subtitle: optional(item.description), event: optional(asMap(item.info).key) });
}

function simpleResponses(value: Json | undefined, channel: string | undefined): ChatItem[] {
  return list(value).flatMap((r) => {
    const response = asMap(r);
    const shown = optional(response.displayText) ?? optional(response.textToSpeech);
    const items: ChatItem[] = shown === undefined ? [] : textItems([shown], channel);
    if (typeof response.ssml === 'string') items.push(speech({ ssml: response.ssml }, channel));
    return items;
  });
}

function telephony(key: string, value: JsonMap, channel: string | undefined): ChatItem {
  if (key === 'telephonyPlayAudio') return event('play-audio', 'Plays an audio clip', value.audioUri);
  if (key === 'telephonyTransferCall') return event('transfer-call', 'Transfers the call', value.phoneNumber);
  return speech(value, channel);
}

function image(picture: JsonMap): RichPart {
  return { type: 'image', url: String(picture.imageUri ?? ''), alt: String(picture.accessibilityText ?? '') };
}

function titled(title: Json | undefined): RichPart[] {
  return typeof title === 'string' && title !== '' ? [{ type: 'description', title, lines: [] }] : [];
}

function list(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : [];
}

function strings(value: Json | undefined): string[] {
  return list(value).map((v) => String(v));
}
