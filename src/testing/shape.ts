import { withoutPlaceholders } from './captures.js';
import { isJsonObject } from '../base/json-object.js';
import type { Dialect } from '../base/dialect.js';

/** Reports a mistake at a field path; never returns. */
export type Fail = (path: string, message: string) => never;

/** Small type checks for hand-written documents, each naming the field that is wrong. */
export const check = {
  string(value: unknown, at: string, fail: Fail): string {
    return typeof value === 'string' ? value : fail(at, 'must be a string');
  },
  boolean(value: unknown, at: string, fail: Fail): boolean {
    return typeof value === 'boolean' ? value : fail(at, 'must be true or false');
  },
  integer(value: unknown, at: string, min: number, max: number, fail: Fail): number {
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
    return fail(at, `must be a whole number from ${min} to ${max}`);
  },
  strings(value: unknown, at: string, fail: Fail): string[] {
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
    return fail(at, 'must be a list of strings');
  },
  stringMap(value: unknown, at: string, fail: Fail): Record<string, string> {
    if (!isJsonObject(value)) return fail(at, 'must be an object of strings');
    for (const [key, item] of Object.entries(value)) if (typeof item !== 'string') fail(`${at}.${key}`, 'must be a string');
    return value as Record<string, string>;
  },
  /** One regular expression, or a list of them: each must compile. */
  regexList(value: unknown, at: string, fail: Fail): string[] {
    const list = typeof value === 'string' ? [value] : check.strings(value, at, fail);
    list.forEach((source, i) => {
      compiles(source, Array.isArray(value) ? `${at}[${i}]` : at, fail);
    });
    return list;
  },
  /** Names to regular expressions (capture patterns). */
  patterns(value: unknown, at: string, fail: Fail): Record<string, string> {
    const map = check.stringMap(value, at, fail);
    for (const [name, source] of Object.entries(map)) {
      if (!/^[A-Za-z_][\w-]*$/.test(name)) fail(`${at}.${name}`, 'a capture name is letters, digits, _ and -, used later as {{name}}');
      compiles(source, `${at}.${name}`, fail);
    }
    return map;
  },
};

/** "a CX", "an ES". */
export function named(dialect: Dialect): string {
  return dialect === 'cx' ? 'a CX' : 'an ES';
}

function compiles(source: string, at: string, fail: Fail): void {
  try {
    new RegExp(withoutPlaceholders(source), 'u'); // {{captures}} are filled in (escaped) when the turn runs
  } catch (error) {
    fail(at, `is not a regular expression: ${error instanceof Error ? error.message : String(error)}`);
  }
}
