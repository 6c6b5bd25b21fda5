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
import { checkObject, checkString, checkStrings, checkTexts, kindOf } from '../../base/check-argument.js';
import { InvalidArgumentError } from '../../errors.js';

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
  checkTexts(texts, 'es.text()');
  return on({ text: { text: typeof texts === 'string' ? [texts] : [...texts] } }, options?.platform);
}

/** An image. */
export function image(image: EsIntentMessageImage, options?: PlatformOption): EsIntentMessage {
  checkObject(image, 'es.image() takes an Intent.Message.Image object { imageUri, accessibilityText? }');
  return on({ image }, options?.platform);
}

/** A card with buttons (Messenger, Slack, Telegram, LINE...). */
export function card(card: EsIntentMessageCard, options?: PlatformOption): EsIntentMessage {
  checkObject(card, 'es.card() takes an Intent.Message.Card object { title?, subtitle?, imageUri?, buttons? }');
  return on({ card }, options?.platform);
}

/** Quick replies. */
export function quickReplies(replies: readonly string[], options?: PlatformOption & { title?: string }): EsIntentMessage {
  checkStrings(replies, 'es.quickReplies()');
  const title = options?.title;
  return on({ quickReplies: { ...(title === undefined ? {} : { title }), quickReplies: [...replies] } }, options?.platform);
}

/** A custom payload, e.g. `{ facebook: {...} }` or `{ richContent: [...] }`. */
export function payload(payload: JsonObject, options?: PlatformOption): EsIntentMessage {
  checkObject(payload, 'es.payload() takes a JSON object');
  return on({ payload }, options?.platform);
}

/** Spoken and displayed text for Google Assistant (at most two per turn). */
export function simpleResponses(responses: readonly EsIntentMessageSimpleResponse[], options?: PlatformOption): EsIntentMessage {
  if (!Array.isArray(responses))
    throw new InvalidArgumentError(`es.simpleResponses() takes an array of { textToSpeech | ssml, displayText? }, not ${kindOf(responses)}.`);
  return on({ simpleResponses: { simpleResponses: [...responses] } }, options?.platform ?? AOG);
}

/** A basic card (Google Assistant). */
export function basicCard(card: EsIntentMessageBasicCard, options?: PlatformOption): EsIntentMessage {
  checkObject(card, 'es.basicCard() takes an Intent.Message.BasicCard object { title?, formattedText?, image?, buttons? }');
  return on({ basicCard: card }, options?.platform ?? AOG);
}

/** Suggestion chips (Google Assistant). */
export function suggestions(titles: readonly string[], options?: PlatformOption): EsIntentMessage {
  checkStrings(titles, 'es.suggestions()');
  return on({ suggestions: { suggestions: titles.map((title) => ({ title })) } }, options?.platform ?? AOG);
}

/** A chip that opens a web page or app (Google Assistant). */
export function linkOutSuggestion(destinationName: string, uri: string, options?: PlatformOption): EsIntentMessage {
  checkString(destinationName, 'es.linkOutSuggestion() takes the destination name');
  checkString(uri, 'es.linkOutSuggestion() takes the URI');
  return on({ linkOutSuggestion: { destinationName, uri } }, options?.platform ?? AOG);
}

/** A list to pick one item from (Google Assistant). Each item needs `info.key`. */
export function listSelect(list: EsIntentMessageListSelect, options?: PlatformOption): EsIntentMessage {
  checkObject(list, 'es.listSelect() takes an Intent.Message.ListSelect object { title?, items }');
  return on({ listSelect: list }, options?.platform ?? AOG);
}

/** A carousel to pick one item from (Google Assistant). Each item needs `info.key`. */
export function carouselSelect(carousel: EsIntentMessageCarouselSelect, options?: PlatformOption): EsIntentMessage {
  checkObject(carousel, 'es.carouselSelect() takes an Intent.Message.CarouselSelect object { items }');
  return on({ carouselSelect: carousel }, options?.platform ?? AOG);
}

export { telephonyPlayAudio, telephonySynthesizeSpeech, telephonyTransferCall, type TelephonyPlatformOption } from './telephony-messages.js';
