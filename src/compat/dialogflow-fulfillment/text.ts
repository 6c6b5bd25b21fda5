/** dialogflow-fulfillment's `Text`: a text (and, for voice, SSML) response. */
import { argumentError, describe, RichResponse, stringArgument } from './rich-response.js';
import { checkPlatform, type Platform } from './platforms.js';

export interface TextOptions {
  text: string;
  ssml?: string;
  platform?: Platform;
}

export class Text extends RichResponse {
  text: string;
  ssml: string | undefined;

  /** `new Text('Hello')` or `new Text({ text, ssml, platform })`. */
  constructor(text: string | TextOptions) {
    super();
    if (typeof text === 'string') {
      this.text = text;
      return;
    }
    if (typeof text !== 'object' || text === null || !text.text) throw argumentError(`new Text() takes a string or { text }, not ${describe(text)}`);
    this.text = stringArgument(text.text, 'new Text({ text })');
    this.ssml = text.ssml === undefined ? undefined : stringArgument(text.ssml, 'new Text({ ssml })');
    this.platform = checkPlatform(text.platform, 'new Text()');
  }

  setText(text: string): this {
    this.text = stringArgument(text, 'Text.setText()');
    return this;
  }

  setSsml(ssml: string): this {
    this.ssml = stringArgument(ssml, 'Text.setSsml()');
    return this;
  }
}
