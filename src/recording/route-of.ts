import type { JsonObject } from '../generated/types.js';
import { field } from '../base/json-object.js';
import type { Dialect } from '../base/dialect.js';

const CX_KEYS = [
  ['fulfillmentInfo', 'tag'],
  ['intentInfo', 'displayName'],
];
const ES_KEYS = [
  ['queryResult', 'intent', 'displayName'],
  ['queryResult', 'action'],
];

/** What a request is about, for names and labels: the CX tag (or intent), the ES intent (or action). */
export function routeOf(dialect: Dialect, request: JsonObject): string {
  for (const path of dialect === 'cx' ? CX_KEYS : ES_KEYS) {
    const value = field(request, ...path);
    if (typeof value === 'string' && value !== '') return value;
  }
  return 'no tag or intent';
}
