/**
 * `agent.consoleMessages`: the messages the Dialogflow console defines for the matched intent,
 * as response objects a handler can send again (`agent.add(agent.consoleMessages)`).
 */
import type { EsIntentMessage } from '../../index.js';
import { Card } from './card.js';
import { Image } from './image.js';
import { Payload } from './payload.js';
import { isRichPlatform, PLATFORMS, type Platform } from './platforms.js';
import type { RichResponse } from './rich-response.js';
import { Suggestion } from './suggestion.js';
import { Text } from './text.js';

export function consoleMessagesOf(messages: readonly EsIntentMessage[]): RichResponse[] {
  return messages.flatMap((message) => {
    const platform = isRichPlatform(message.platform) ? message.platform : undefined;
    // A platform the old library did not know (GOOGLE_HANGOUTS…): not one a handler can answer for.
    if (platform === undefined && message.platform !== undefined && message.platform !== PLATFORMS.UNSPECIFIED) return [];
    return convert(message, platform).map((response) => {
      response.platform = platform;
      return response;
    });
  });
}

function convert(message: EsIntentMessage, platform: Platform | undefined): RichResponse[] {
  if (message.text !== undefined) return message.text.text?.[0] ? [new Text(message.text.text[0])] : [];
  if (message.card !== undefined) {
    const button = message.card.buttons?.[0];
    return [card(message.card.title, message.card.subtitle, message.card.imageUri, button?.text, button?.postback)];
  }
  if (message.image !== undefined) return message.image.imageUri ? [new Image(message.image.imageUri)] : [];
  // A payload without a platform is for every platform (dialogflow-fulfillment 0.6 threw on it).
  if (message.payload !== undefined) return [new Payload(platform ?? PLATFORMS.UNSPECIFIED, message.payload, { rawPayload: true, sendAsMessage: true })];
  // Quick replies (dialogflow-fulfillment 0.6 looked for them in the wrong field and dropped them).
  if (message.quickReplies !== undefined) return (message.quickReplies.quickReplies ?? []).filter((reply) => reply).map((reply) => new Suggestion(reply));
  if (message.simpleResponses !== undefined) {
    const first = message.simpleResponses.simpleResponses?.[0];
    const text = first?.textToSpeech || first?.displayText;
    return text ? [new Text(text)] : [];
  }
  if (message.basicCard !== undefined) {
    const button = message.basicCard.buttons?.[0];
    const image = message.basicCard.image?.imageUri;
    return [card(message.basicCard.title, message.basicCard.formattedText, image, button?.title, button?.openUriAction?.uri)];
  }
  if (message.suggestions !== undefined) return (message.suggestions.suggestions ?? []).filter((s) => s.title).map((s) => new Suggestion(s.title!));
  return [];
}

function card(
  title: string | undefined,
  text: string | undefined,
  imageUrl: string | undefined,
  buttonText: string | undefined,
  buttonUrl: string | undefined,
): Card {
  const card = new Card(title || ' ');
  if (text) card.setText(text);
  if (imageUrl) card.setImage(imageUrl);
  if (buttonText && buttonUrl) card.setButton({ text: buttonText, url: buttonUrl });
  return card;
}
