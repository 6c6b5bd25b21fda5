import { appendKey } from '../schema/locate.js';
import { isJsonObject, jsonEqual } from '../base/json-object.js';

/** One place where two JSON values differ; `undefined` on a side means the field is absent there. */
export interface Difference {
  /** `fulfillmentResponse.messages[0].text.text[0]`; '' for the root. */
  path: string;
  expected: unknown;
  actual: unknown;
}

/**
 * Where `actual` differs from `expected`, field by field: a changed value, a missing field, an
 * extra one. Lists of different length are reported item by item, then by their extra items.
 */
export function diffJson(expected: unknown, actual: unknown, path = ''): Difference[] {
  if (jsonEqual(expected, actual)) return [];
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const length = Math.max(expected.length, actual.length);
    return Array.from({ length }, (_, i) => diffJson(expected[i], actual[i], `${path}[${i}]`)).flat();
  }
  if (isJsonObject(expected) && isJsonObject(actual)) {
    const keys = [...Object.keys(expected), ...Object.keys(actual).filter((key) => !Object.hasOwn(expected, key))];
    return keys.flatMap((key) => diffJson(expected[key], actual[key], appendKey(path, key)));
  }
  return [{ path, expected, actual }];
}
