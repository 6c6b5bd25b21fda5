/**
 * dialogflow-fulfillment's `Suggestion`: one quick reply. Suggestions added for the same
 * platform join into one list of chips (agent.add() merges them), as the old library did.
 */
import { argumentError, describe, RichResponse, stringArgument } from './rich-response.js';
import { checkPlatform, type Platform } from './platforms.js';

export class Suggestion extends RichResponse {
  readonly replies: string[];

  /** `new Suggestion('Yes')` or `new Suggestion({ title, platform })`. */
  constructor(suggestion: string | { title: string; platform?: Platform }) {
    super();
    if (typeof suggestion === 'string') {
      this.replies = [suggestion];
      return;
    }
    if (typeof suggestion !== 'object' || suggestion === null || !suggestion.title) {
      throw argumentError(`new Suggestion() takes a reply or { title }, not ${describe(suggestion)}`);
    }
    this.replies = [stringArgument(suggestion.title, 'new Suggestion({ title })')];
    this.platform = checkPlatform(suggestion.platform, 'new Suggestion()');
  }

  /** Replaces the reply of a suggestion that has one. */
  setReply(reply: string): this {
    stringArgument(reply, 'Suggestion.setReply()');
    if (this.replies.length !== 1) throw argumentError(`Suggestion.setReply() replaces the one reply, and this suggestion has ${this.replies.length}`);
    this.replies[0] = reply;
    return this;
  }
}
