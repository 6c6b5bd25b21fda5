import type { JsonObject, JsonValue } from '../generated/types.js';
import type { Expectation } from './fixture.js';

const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w-]*)\s*\}\}/g;

/**
 * Values a conversation takes from one answer for later turns: each pattern's first group (or
 * its whole match) in the answer's texts. `missing` names the patterns that found nothing.
 */
export function captureFrom(patterns: Readonly<Record<string, string>>, text: string): { values: Map<string, string>; missing: string[] } {
  const values = new Map<string, string>();
  const missing: string[] = [];
  for (const [name, source] of Object.entries(patterns)) {
    const match = new RegExp(source, 'u').exec(text);
    if (match === null) missing.push(name);
    else values.set(name, match[1] ?? match[0]);
  }
  return { values, missing };
}

/** A copy of `value` with every `{{name}}` in its strings replaced by the captured value. */
export function fillCaptures<T extends JsonValue | undefined>(value: T, captured: ReadonlyMap<string, string>): T {
  if (captured.size === 0 || value === undefined) return value;
  const walk = (node: JsonValue): JsonValue => {
    if (typeof node === 'string') return node.replace(PLACEHOLDER, (whole, name: string) => captured.get(name) ?? whole);
    if (Array.isArray(node)) return node.map(walk);
    if (node !== null && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
    return node;
  };
  return walk(value as JsonValue) as T;
}

/** A regular expression source with `{{name}}` replaced by the captured text, matched literally. */
export function fillPattern(source: string, captured: ReadonlyMap<string, string>): string {
  return source.replace(PLACEHOLDER, (whole, name: string) => {
    const value = captured.get(name);
    return value === undefined ? whole : value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  });
}

/** The source with every `{{name}}` replaced by a plain letter: to check that it compiles before anything is captured. */
export function withoutPlaceholders(source: string): string {
  return source.replace(PLACEHOLDER, 'x');
}

/** The names used as `{{name}}` anywhere in `value`. */
export function placeholders(value: unknown): string[] {
  if (typeof value === 'string') return [...value.matchAll(PLACEHOLDER)].map((m) => m[1]!);
  if (Array.isArray(value)) return value.flatMap(placeholders);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(placeholders);
  return [];
}

/** The expectation with captured values filled in; in regular expressions they match literally. */
export function fillExpectation(expect: Expectation | undefined, captured: ReadonlyMap<string, string>): Expectation | undefined {
  if (expect === undefined || captured.size === 0) return expect;
  const filled = fillCaptures(expect as JsonObject, captured) as Expectation;
  const { textMatches } = expect;
  if (typeof textMatches === 'string') filled.textMatches = fillPattern(textMatches, captured);
  else if (textMatches !== undefined) filled.textMatches = textMatches.map((source) => fillPattern(source, captured));
  return filled;
}
