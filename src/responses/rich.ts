/**
 * The neutral rich-response vocabulary. Each dialect maps it to what its channels render:
 * CX to Dialogflow Messenger `richContent` payloads, ES to platform messages.
 */

/** A suggestion chip / quick reply. With `link`, tapping it opens the page. */
export interface Chip {
  text: string;
  link?: string;
  imageUrl?: string;
}

/** A button that opens a link. */
export interface Button {
  text: string;
  link: string;
}

/** An information card. */
export interface Card {
  title: string;
  subtitle?: string;
  /** Body text, shown under the title. */
  text?: string;
  imageUrl?: string;
  /** Accessibility text for the image (defaults to the title). */
  imageAlt?: string;
  buttons?: Button[];
}

/** A picture. `alt` is read out by screen readers and shown where images are not. */
export interface Image {
  url: string;
  alt: string;
}

/** A link to a web page. */
export interface Link {
  text: string;
  url: string;
}

/** One neutral rich item, as recorded on the turn. */
export type RichItem = { type: 'chips'; chips: Chip[] } | { type: 'card'; card: Card } | { type: 'image'; image: Image } | { type: 'link'; link: Link };
