import { asMap, defined, optional } from './json-map.js';
import type { Json, RichPart } from './view.js';

/**
 * Dialogflow Messenger's `richContent` (`[[item, item], [item]]`, one inner list per card) as
 * cards of parts the page draws: info, description, button, chips, list, accordion, image and
 * divider. An item of another type is kept as it is, to be shown as JSON.
 */
export function richCards(richContent: Json): RichPart[][] {
  if (!Array.isArray(richContent)) return [];
  return richContent.map((card) => (Array.isArray(card) ? card : [card]).map(richPart));
}

function richPart(item: Json): RichPart {
  const o = asMap(item);
  switch (o.type) {
    case 'info':
      return defined({ type: 'info', title: text(o.title), subtitle: optional(o.subtitle), imageUrl: imageUrl(o.image), link: optional(asMap(o.anchor).href) });
    case 'description':
      return defined({ type: 'description', title: optional(o.title), lines: Array.isArray(o.text) ? o.text.map(text) : [text(o.text)] });
    case 'button':
      return defined({ type: 'button', text: text(o.text), link: optional(o.link), event: optional(asMap(o.event).event) });
    case 'chips':
      return {
        type: 'chips',
        chips: (Array.isArray(o.options) ? o.options : []).map((option) => {
          const chip = asMap(option);
          return defined({ text: text(chip.text), link: optional(chip.link), imageUrl: imageUrl(chip.image) });
        }),
      };
    case 'list':
      return defined({ type: 'list', title: text(o.title), subtitle: optional(o.subtitle), event: optional(asMap(o.event).event) });
    case 'accordion':
      return defined({ type: 'accordion', title: text(o.title), subtitle: optional(o.subtitle), text: optional(o.text), imageUrl: imageUrl(o.image) });
    case 'image':
      return { type: 'image', url: text(o.rawUrl), alt: text(o.accessibilityText) };
    case 'divider':
      return { type: 'divider' };
    default:
      return { type: 'other', json: item };
  }
}

/** Messenger's image object: `{ src: { rawUrl } }`. */
function imageUrl(image: Json | undefined): string | undefined {
  return optional(asMap(asMap(image).src).rawUrl);
}

function text(value: Json | undefined): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value);
}
