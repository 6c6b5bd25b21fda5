import { InvalidArgumentError } from '../errors.js';

/**
 * What a route matches: an exact name, a RegExp, or a predicate over the routing key (the CX
 * tag, the intent display name or the ES action) and the turn. `Name` is the names the app
 * knows (a generated agent file's), or any string.
 */
export type Match<T, Name extends string = string> = Name | RegExp | ((value: string, turn: T) => boolean);

/** Turns a `Match` into one test function. */
export function toMatcher<T>(match: Match<T>): (value: string, turn: T) => boolean {
  if (typeof match === 'string') return (value) => value === match;
  if (match instanceof RegExp) {
    return (value) => {
      match.lastIndex = 0; // a /g or /y RegExp keeps state between calls
      return match.test(value);
    };
  }
  if (typeof match === 'function') return match;
  throw new InvalidArgumentError('A route match must be a string, a RegExp or a function (value, turn) => boolean.');
}
