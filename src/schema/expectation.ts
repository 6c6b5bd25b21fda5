import type { SchemaHints } from '../generated/validators.js';
import type { Slot } from './locate.js';

const SCALARS: Readonly<Record<string, string>> = {
  string: 'must be a string',
  bool: 'must be true or false',
  int32: 'must be a whole number (int32) from -2147483648 to 2147483647',
  float: 'must be a number (float, at most ±3.4e38) or "NaN", "Infinity", "-Infinity"',
  double: 'must be a number (double) or "NaN", "Infinity", "-Infinity"',
  bytes: 'must be base64 text (bytes)',
  'google.protobuf.Struct': 'must be an object',
  'google.protobuf.ListValue': 'must be a list',
};

/**
 * Why `value` does not fit `slot`, in words for people who know JSON but not JSON Schema or
 * protobuf: "must be a whole number (int32) from -2147483648 to 2147483647, not 2.5".
 */
export function explainMismatch(hints: SchemaHints, slot: Slot, value: unknown): string {
  if (value === null && slot.container === 'list') return 'must not be null (a list cannot contain null)';
  if (value === null && slot.container === 'map') return 'must not be null (the values of this map cannot be null)';
  if (slot.type === 'string' && typeof value === 'string' && slot.shape === 'value') {
    return 'must not contain unpaired UTF-16 surrogates (was text cut inside an emoji?)';
  }
  return `${expectation(hints, slot)}, not ${describeValue(value)}`;
}

function expectation(hints: SchemaHints, slot: Slot): string {
  if (slot.shape === 'list') return 'must be a list';
  if (slot.shape === 'map') return 'must be an object mapping names to values';
  const enumValues = hints.enums[slot.type];
  if (enumValues !== undefined) return `must be one of ${enumValues.join(', ')}`;
  if (hints.messages[slot.type] !== undefined) return 'must be an object';
  return SCALARS[slot.type] ?? 'has the wrong type';
}

/** A short rendering of what was given: `null`, `a list`, `an object`, `"text"`, `2.5`. */
function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') {
    const quoted = JSON.stringify(value);
    return quoted.length > 40 ? `${quoted.slice(0, 36)}..."` : quoted;
  }
  return String(value);
}
