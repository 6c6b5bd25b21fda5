import type { JsonObject } from '../../generated/types.js';
import type { Card, RichItem } from '../../responses/rich.js';

/**
 * Neutral rich items → a Dialogflow Messenger custom payload (`{ richContent: [[...]] }`),
 * the format CX's web channel renders. One item becomes one card in the chat.
 */
export function toMessengerPayload(item: RichItem): JsonObject {
  return { richContent: [messengerCard(item)] };
}

function messengerCard(item: RichItem): JsonObject[] {
  switch (item.type) {
    case 'chips':
      return [
        {
          type: 'chips',
          options: item.chips.map((chip) => ({
            text: chip.text,
            ...(chip.link === undefined ? {} : { link: chip.link }),
            ...(chip.imageUrl === undefined ? {} : { image: { src: { rawUrl: chip.imageUrl } } }),
          })),
        },
      ];
    case 'image':
      return [{ type: 'image', rawUrl: item.image.url, accessibilityText: item.image.alt }];
    case 'link':
      return [{ type: 'button', icon: { type: 'chevron_right' }, text: item.link.text, link: item.link.url }];
    case 'card':
      return cardItems(item.card);
  }
}

function cardItems(card: Card): JsonObject[] {
  const items: JsonObject[] = [];
  if (card.imageUrl !== undefined) {
    items.push({ type: 'image', rawUrl: card.imageUrl, accessibilityText: card.imageAlt ?? card.title });
  }
  items.push({ type: 'info', title: card.title, ...(card.subtitle === undefined ? {} : { subtitle: card.subtitle }) });
  if (card.text !== undefined) items.push({ type: 'description', text: [card.text] });
  for (const button of card.buttons ?? []) {
    items.push({ type: 'button', icon: { type: 'chevron_right' }, text: button.text, link: button.link });
  }
  return items;
}
