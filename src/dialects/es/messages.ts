/**
 * Builders for ES `Intent.Message`s, ready for `turn.message()` on an ES turn.
 * Import as `import { es } from 'dialogflow-fulfiller'`. The Actions-on-Google kinds
 * (simpleResponses, basicCard, suggestions, listSelect, carouselSelect, linkOutSuggestion)
 * target `ACTIONS_ON_GOOGLE` unless told otherwise, because no other platform renders them.
 * The telephony builders at the end exist only in API version v2beta1 (telephony-messages.ts).
 */
import type {
  EsIntentMessage,
  EsIntentMessageBasicCard,
  EsIntentMessageCard,
  EsIntentMessageCarouselSelect,
  EsIntentMessageImage,
  EsIntentMessageListSelect,
  EsIntentMessagePlatform,
  EsIntentMessageSimpleResponse,
  JsonObject,
} from '../../generated/types.js';

/** Which integration a message is for (omitted: every platform and the API). */
export interface PlatformOption {
  platform?: EsIntentMessagePlatform;
}

function on(message: EsIntentMessage, platform: EsIntentMessagePlatform | undefined): EsIntentMessage {
  if (platform !== undefined && platform !== 'PLATFORM_UNSPECIFIED') message.platform = platform;
  return message;
}

const AOG: EsIntentMessagePlatform = 'ACTIONS_ON_GOOGLE';

/** A text message; several strings are variants. */
export function text(texts: string | readonly string[], options?: PlatformOption): EsIntentMessage {
  return on({ text: { text: typeof texts === 'string' ? [texts] : [...texts] } }, options?.platform);
}

/** An image. */
export function image(image: EsIntentMessageImage, options?: PlatformOption): EsIntentMessage {
  return on({ image }, options?.platform);
}

/** A card with buttons (Messenger, Slack, Telegram, LINE...). */
export function card(card: EsIntentMessageCard, options?: PlatformOption): EsIntentMessage {
  return on({ card }, options?.platform);
}

/** Quick replies. */
export function quickReplies(replies: readonly string[], options?: PlatformOption & { title?: string }): EsIntentMessage {
  const title = options?.title;
  return on({ quickReplies: { ...(title === undefined ? {} : { title }), quickReplies: [...replies] } }, options?.platform);
}

/** A custom payload, e.g. `{ facebook: {...} }` or `{ richContent: [...] }`. */
export function payload(payload: JsonObject, options?: PlatformOption): EsIntentMessage {
  return on({ payload }, options?.platform);
}

/** Spoken and displayed text for Google Assistant (at most two per turn). */
export function simpleResponses(responses: readonly EsIntentMessageSimpleResponse[], options?: PlatformOption): EsIntentMessage {
  return on({ simpleResponses: { simpleResponses: [...responses] } }, options?.platform ?? AOG);
}

/** A basic card (Google Assistant). */
export function basicCard(card: EsIntentMessageBasicCard, options?: PlatformOption): EsIntentMessage {
  return on({ basicCard: card }, options?.platform ?? AOG);
}

/** Suggestion chips (Google Assistant). */
export function suggestions(titles: readonly string[], options?: PlatformOption): EsIntentMessage {
  return on({ suggestions: { suggestions: titles.map((title) => ({ title })) } }, options?.platform ?? AOG);
}

/** A chip that opens a web page or app (Google Assistant). */
export function linkOutSuggestion(destinationName: string, uri: string, options?: PlatformOption): EsIntentMessage {
  return on({ linkOutSuggestion: { destinationName, uri } }, options?.platform ?? AOG);
}

/** A list to pick one item from (Google Assistant). Each item needs `info.key`. */
export function listSelect(list: EsIntentMessageListSelect, options?: PlatformOption): EsIntentMessage {
  return on({ listSelect: list }, options?.platform ?? AOG);
}

/** A carousel to pick one item from (Google Assistant). Each item needs `info.key`. */
export function carouselSelect(carousel: EsIntentMessageCarouselSelect, options?: PlatformOption): EsIntentMessage {
  return on({ carouselSelect: carousel }, options?.platform ?? AOG);
}

export { telephonyPlayAudio, telephonySynthesizeSpeech, telephonyTransferCall, type TelephonyPlatformOption } from './telephony-messages.js';
