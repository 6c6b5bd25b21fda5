import type { Json, JsonMap } from './view.js';

/** Reading answers of any shape without a cast at every step: an object, or an empty one. */
export function asMap(value: Json | undefined): JsonMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
}

/** The object without its undefined members (they would not survive JSON anyway, and tests compare it). */
export function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** A string that says something, or undefined (an answer's optional title, subtitle, URL). */
export function optional(value: Json | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
