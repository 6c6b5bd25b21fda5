import * as es from './messages.js';
import type { EsIntentMessage, EsIntentMessagePlatform } from '../../generated/types.js';
import type { RichItem } from '../../responses/rich.js';

/**
 * Neutral rich items → ES `Intent.Message`s (quickReplies, card, image), which the Messenger,
 * Slack, Telegram, LINE... integrations render. `platform` targets one integration.
 */
export function toEsPlatformMessage(item: RichItem, platform: EsIntentMessagePlatform | undefined): EsIntentMessage {
  const target = { platform };
  switch (item.type) {
    case 'chips':
      return es.quickReplies(
        item.chips.map((chip) => chip.text),
        target,
      );
    case 'image':
      return es.image({ imageUri: item.image.url, accessibilityText: item.image.alt }, target);
    case 'link':
      return es.card({ title: item.link.text, buttons: [{ text: item.link.text, postback: item.link.url }] }, target);
    case 'card': {
      const { title, subtitle, text, imageUrl, buttons } = item.card;
      const sub = [subtitle, text].filter((s) => s !== undefined).join('\n');
      return es.card(
        {
          title,
          ...(sub === '' ? {} : { subtitle: sub }),
          ...(imageUrl === undefined ? {} : { imageUri: imageUrl }),
          ...(buttons === undefined ? {} : { buttons: buttons.map((b) => ({ text: b.text, postback: b.link })) }),
        },
        target,
      );
    }
  }
}
