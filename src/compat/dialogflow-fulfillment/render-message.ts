/**
 * One dialogflow-fulfillment response on the turn, as the old library rendered it for the
 * request's platform: Actions on Google gets its own kinds (simple responses, basic cards,
 * suggestion chips), a known integration gets messages marked with its platform, any other
 * source gets plain messages. A response meant for another platform is left out.
 */
import { es, type EsTurn } from '../../index.js';
import { Card } from './card.js';
import { Image } from './image.js';
import { Payload } from './payload.js';
import { isRichPlatform, PLATFORMS } from './platforms.js';
import type { RichResponse } from './rich-response.js';
import { Suggestion } from './suggestion.js';
import { Text } from './text.js';

/** What the old library wrote where Actions on Google needed an image description. */
const AOG_ALT = 'accessibility text';

export function renderMessage(turn: EsTurn, message: RichResponse, source: string | null): void {
  if (message instanceof Payload) {
    if (message.sendAsMessage) turn.message(es.payload(message.contentFor(message.platform), { platform: message.platform }));
    return;
  }
  if (message.platform !== undefined && message.platform !== source) return;
  const target = isRichPlatform(source) ? { platform: source } : {};
  const google = source === PLATFORMS.ACTIONS_ON_GOOGLE;
  if (message instanceof Text) {
    if (!google) turn.say(message.text, target);
    else turn.message(es.simpleResponses([{ ...(message.ssml ? { ssml: message.ssml } : { textToSpeech: message.text }), displayText: message.text }]));
  } else if (message instanceof Card) {
    turn.message(google ? basicCard(message) : es.card(card(message), target));
  } else if (message instanceof Image) {
    const image = { imageUri: message.imageUrl };
    turn.message(google ? es.basicCard({ image: { ...image, accessibilityText: AOG_ALT } }) : es.image(image, target));
  } else if (message instanceof Suggestion) {
    turn.message(google ? es.suggestions(message.replies) : es.quickReplies(message.replies, target));
  }
}

function card(message: Card): Parameters<typeof es.card>[0] {
  return {
    title: message.title,
    ...(message.text ? { subtitle: message.text } : {}),
    ...(message.imageUrl ? { imageUri: message.imageUrl } : {}),
    ...(message.buttonText && message.buttonUrl ? { buttons: [{ text: message.buttonText, postback: message.buttonUrl }] } : {}),
  };
}

function basicCard(message: Card): ReturnType<typeof es.basicCard> {
  return es.basicCard({
    title: message.title,
    ...(message.text ? { formattedText: message.text } : {}),
    ...(message.imageUrl ? { image: { imageUri: message.imageUrl, accessibilityText: AOG_ALT } } : {}),
    ...(message.buttonText && message.buttonUrl ? { buttons: [{ title: message.buttonText, openUriAction: { uri: message.buttonUrl } }] } : {}),
  });
}
