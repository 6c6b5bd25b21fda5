import type { SchemaHints } from '../generated/validators.js';

/**
 * What the schema expects at one position of a document: a value of `type` (a scalar, a
 * google.protobuf type, or a message or enum by full name), the list or map of a repeated or
 * map field, and whether the value sits inside such a list or map.
 */
export interface Slot {
  type: string;
  shape: 'value' | 'list' | 'map';
  container?: 'list' | 'map';
}

export interface Location {
  slot: Slot;
  /** The value found there, `undefined` if absent. */
  value: unknown;
  /** Readable path: `queryResult.outputContexts[0].lifespanCount`, '' for the root. */
  path: string;
}

/** Follows an ajv instance path (a JSON pointer) through `data` and the message layout. */
export function locate(hints: SchemaHints, rootMessage: string, data: unknown, pointer: string): Location {
  let slot: Slot = { type: rootMessage, shape: 'value' };
  let value = data;
  let path = '';
  for (const segment of pointerSegments(pointer)) {
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined;
    if (slot.shape === 'list') {
      slot = { type: slot.type, shape: 'value', container: 'list' };
      path += `[${segment}]`;
    } else {
      path = appendKey(path, segment);
      slot = slot.shape === 'map' ? { type: slot.type, shape: 'value', container: 'map' } : fieldSlot(hints, slot.type, segment);
    }
  }
  return { slot, value, path };
}

/** `a.b` for plain names, `a["given-name"]` for any other key; a bare name at the root. */
export function appendKey(path: string, key: string): string {
  if (!/^[A-Za-z_$][\w$]*$/.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path === '' ? key : `${path}.${key}`;
}

/** The slot of the field a key names (by JSON or proto name, as Google's parser looks it up). */
function fieldSlot(hints: SchemaHints, message: string, key: string): Slot {
  const field = hints.messages[message]?.fields.find((f) => f.json === key || f.proto === key);
  // No hint: an undocumented request field or the inside of a Struct; nothing is checked there.
  if (field === undefined) return { type: 'google.protobuf.Value', shape: 'value' };
  return { type: field.type, shape: field.cardinality === 'repeated' ? 'list' : field.cardinality === 'map' ? 'map' : 'value' };
}

function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}
