/** dialogflow-fulfillment's `Card`: a title with optional text, image and one button. */
import { argumentError, describe, RichResponse, stringArgument } from './rich-response.js';
import { checkPlatform, type Platform } from './platforms.js';

export interface CardOptions {
  title: string;
  text?: string;
  imageUrl?: string;
  buttonText?: string;
  buttonUrl?: string;
  platform?: Platform;
}

export class Card extends RichResponse {
  title: string;
  text: string | undefined;
  imageUrl: string | undefined;
  buttonText: string | undefined;
  buttonUrl: string | undefined;

  /** `new Card('Title')` or `new Card({ title, text, imageUrl, buttonText, buttonUrl, platform })`. */
  constructor(card: string | CardOptions) {
    super();
    if (typeof card === 'string') {
      this.title = card;
      return;
    }
    if (typeof card !== 'object' || card === null || !card.title) throw argumentError(`new Card() takes a title or { title }, not ${describe(card)}`);
    this.title = stringArgument(card.title, 'new Card({ title })');
    this.text = optional(card.text, 'new Card({ text })');
    this.imageUrl = optional(card.imageUrl, 'new Card({ imageUrl })');
    this.setButton({ text: card.buttonText, url: card.buttonUrl });
    this.platform = checkPlatform(card.platform, 'new Card()');
  }

  setTitle(title: string): this {
    this.title = stringArgument(title, 'Card.setTitle()');
    return this;
  }

  setText(text: string): this {
    this.text = stringArgument(text, 'Card.setText()');
    return this;
  }

  setImage(imageUrl: string): this {
    this.imageUrl = stringArgument(imageUrl, 'Card.setImage()');
    return this;
  }

  /** One button: both its text and its link, or neither. */
  setButton(button: { text?: string | undefined; url?: string | undefined }): this {
    if (!button.text !== !button.url) throw argumentError('a card button needs both a text and a url: setButton({ text, url })');
    this.buttonText = optional(button.text || undefined, 'the button text');
    this.buttonUrl = optional(button.url || undefined, 'the button url');
    return this;
  }
}

function optional(value: unknown, what: string): string | undefined {
  return value === undefined || value === null ? undefined : stringArgument(value, what);
}
