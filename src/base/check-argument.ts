import { InvalidArgumentError } from '../errors.js';

/**
 * Run-time checks of what the builders are given, for callers the compiler does not check
 * (JavaScript, `any`): `turn.say(42)` gets an error that names the method and what it takes,
 * instead of a failure deep inside ("text is not iterable") or a payload Dialogflow rejects.
 * Each check is a `typeof` or two, and values are described by their kind, never quoted: they
 * may be what a user said.
 */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function') return 'a Promise (did you forget await?)';
  if (value === undefined) return 'undefined';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Throws unless `value` is a string. `what` names the argument: `turn.playAudio() takes an audio URI`. */
export function checkString(value: unknown, what: string): asserts value is string {
  if (typeof value !== 'string') throw new InvalidArgumentError(`${what} as a string, not ${kindOf(value)}.`);
}

/** Text variants: a string, or an array of strings. */
export function checkTexts(value: unknown, method: string): asserts value is string | readonly string[] {
  if (typeof value === 'string') return;
  if (!Array.isArray(value)) throw new InvalidArgumentError(`${method} takes a string or an array of strings, not ${kindOf(value)}.`);
  checkStrings(value, method);
}

/** Every item of an array is a string. */
export function checkStrings(value: unknown, method: string): asserts value is readonly string[] {
  if (!Array.isArray(value)) throw new InvalidArgumentError(`${method} takes an array of strings, not ${kindOf(value)}.`);
  for (let i = 0; i < value.length; i++) {
    if (typeof value[i] !== 'string') throw new InvalidArgumentError(`${method}: item ${i} is ${kindOf(value[i])}, not a string.`);
  }
}

/** A plain object (a JSON object, a message, options): not null, not an array, not a Promise. */
export function checkObject(value: unknown, what: string): asserts value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || typeof (value as { then?: unknown }).then === 'function') {
    throw new InvalidArgumentError(`${what}, not ${kindOf(value)}.`);
  }
}

/** An object whose `required` fields are strings and whose `optional` fields, when present, are too. */
export function checkFields(value: unknown, what: string, method: string, required: readonly string[], optional: readonly string[] = []): void {
  checkObject(value, what);
  for (const name of required) {
    if (typeof value[name] !== 'string') throw new InvalidArgumentError(`${method}: ${name} is ${kindOf(value[name])}, not a string.`);
  }
  for (const name of optional) {
    const field = value[name];
    if (field !== undefined && typeof field !== 'string') throw new InvalidArgumentError(`${method}: ${name} is ${kindOf(field)}, not a string.`);
  }
}
