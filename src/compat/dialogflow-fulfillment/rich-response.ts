/**
 * The base of dialogflow-fulfillment's response classes. They hold what the handler asked for;
 * render-message.ts turns each into the ES message for the request's platform when the call is
 * answered, as the old library did.
 */
import { InvalidResponseError } from '../../index.js';
import { checkPlatform, type Platform } from './platforms.js';

export abstract class RichResponse {
  /** The one platform this response is for; undefined: every platform. */
  platform: Platform | undefined;

  /** Targets one platform (`agent.SLACK`, …); PLATFORM_UNSPECIFIED: every platform. */
  setPlatform(platform: Platform): this {
    this.platform = checkPlatform(platform, `${this.constructor.name}.setPlatform()`);
    return this;
  }
}

/** A string argument, or an InvalidResponseError saying which one is wrong. */
export function stringArgument(value: unknown, what: string): string {
  if (typeof value !== 'string') throw argumentError(`${what} takes a string, not ${describe(value)}`);
  return value;
}

/** What a value is, for error messages that never quote a user's value. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value === 'undefined' ? 'nothing' : `a ${typeof value}`;
}

/** A wrong argument to a response class: the response it would make is not one Dialogflow accepts. */
export function argumentError(message: string): InvalidResponseError {
  return new InvalidResponseError(message, 'fulfillmentMessages');
}
