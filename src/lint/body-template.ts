import { isJsonObject } from '../base/json-object.js';
import type { JsonValue } from '../generated/types.js';
import { PARAMETER_REFERENCE } from './parameter-reference.js';
import { exampleOf, schemaAt } from './schema-example.js';

type Schema = boolean | { readonly [keyword: string]: unknown };

/** A body template filled with example values, or why it cannot be. */
export type FilledTemplate =
  | {
      ok: true;
      body: JsonValue;
      /** Where a reference stands alone in quotes but the schema expects something else than text. */
      quotedMismatches: string[];
      /** Where a reference was filled, as keys and indexes: its value is the agent's, so only its type can be checked. */
      filled: (string | number)[][];
    }
  | { ok: false; reason: string };

const MARK = '\uE000ref'; // a private-use character: no template holds it, and JSON strings may

/**
 * The JSON a flexible webhook's request body template stands for, its parameter references filled
 * with example values of what the endpoint's request schema expects there. A reference alone in
 * quotes (`"$flow.address"`) is text: it gets the schema's example when the schema expects text
 * there, and stays text otherwise (`quotedMismatches` lists those places, which the schema will
 * then refuse: the template should leave the reference unquoted). An unquoted reference takes
 * the example of whatever the schema expects. A reference inside longer text is text.
 */
export function fillBodyTemplate(template: string, schema: Schema | undefined): FilledTemplate {
  let count = 0;
  // Unquoted references become marked strings, so the text parses; quoted ones stay where they are.
  const marked = replaceOutsideStrings(template, (reference) => `"${MARK}${count++}:${reference}"`);
  let parsed: JsonValue;
  try {
    parsed = JSON.parse(marked) as JsonValue;
  } catch (error) {
    return { ok: false, reason: `is not JSON once its parameter references are filled in (${error instanceof Error ? error.message : String(error)})` };
  }
  const quotedMismatches: string[] = [];
  const filled: (string | number)[][] = [];
  const fill = (node: JsonValue, at: Schema | undefined, path: string, keys: (string | number)[]): JsonValue => {
    if (typeof node === 'string') {
      if (node.startsWith(MARK)) {
        filled.push(keys);
        return exampleOf(at);
      }
      const alone = /^\$[\w.-]+$/.test(node) && node.match(PARAMETER_REFERENCE)?.[0] === node;
      if (alone) {
        filled.push(keys);
        if (expectsText(at)) return exampleOf(at);
        quotedMismatches.push(path);
        return 'example';
      }
      if (node.match(PARAMETER_REFERENCE) !== null) filled.push(keys);
      return node.replace(PARAMETER_REFERENCE, 'example');
    }
    if (Array.isArray(node)) return node.map((item, i) => fill(item, schemaAt(at, i), `${path}[${i}]`, [...keys, i]));
    if (isJsonObject(node)) {
      return Object.fromEntries(
        Object.entries(node).map(([key, value]) => [key, fill(value, schemaAt(at, key), path === '' ? key : `${path}.${key}`, [...keys, key])]),
      );
    }
    return node;
  };
  return { ok: true, body: fill(parsed, schema, '', []), quotedMismatches, filled };
}

function expectsText(schema: Schema | undefined): boolean {
  if (schema === undefined || typeof schema === 'boolean') return true;
  const type = schema.type;
  if (type === undefined) return true;
  return type === 'string' || (Array.isArray(type) && type.includes('string'));
}

/** Replaces the references that stand outside JSON strings. */
function replaceOutsideStrings(text: string, replace: (reference: string) => string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      const end = stringEnd(text, i);
      out += text.slice(i, end);
      i = end;
      continue;
    }
    if (c === '$') {
      PARAMETER_REFERENCE.lastIndex = i;
      const match = PARAMETER_REFERENCE.exec(text);
      if (match !== null && match.index === i) {
        out += replace(match[0]);
        i += match[0].length;
        continue;
      }
    }
    out += c;
    i++;
  }
  PARAMETER_REFERENCE.lastIndex = 0;
  return out;
}

function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}

/**
 * The schema with the places a reference filled reduced to their type: the agent's value goes
 * there, so a pattern, a format or a length cannot be judged from an example, but a number where
 * text is expected can.
 */
export function typeOnlyAt(schema: Schema, places: readonly (readonly (string | number)[])[]): Schema {
  let result = schema;
  for (const keys of places) result = replaceAt(result, keys, 0);
  return result;
}

function replaceAt(schema: Schema, keys: readonly (string | number)[], i: number): Schema {
  if (typeof schema === 'boolean') return schema;
  if (i === keys.length) return schema.type === undefined ? true : { type: schema.type };
  const key = keys[i]!;
  if (typeof key === 'number') {
    const items = schema.items as Schema | undefined;
    return items === undefined ? schema : { ...schema, items: replaceAt(items, keys, i + 1) };
  }
  const properties = schema.properties as Record<string, Schema> | undefined;
  if (properties !== undefined && Object.hasOwn(properties, key))
    return { ...schema, properties: { ...properties, [key]: replaceAt(properties[key]!, keys, i + 1) } };
  const additional = schema.additionalProperties;
  return typeof additional === 'object' && additional !== null ? { ...schema, additionalProperties: replaceAt(additional as Schema, keys, i + 1) } : schema;
}
