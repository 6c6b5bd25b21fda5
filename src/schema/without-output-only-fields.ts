import { schemaApi, type SchemaOptions } from './schema-api.js';
import { stripOutputOnly } from './strip-output-only.js';
import type { Dialect } from '../base/dialect.js';

/**
 * The response without the fields the protos mark output only, and where they were: what to
 * send instead of a response whose only issues are of kind `'output-only'`, since Dialogflow
 * ignores those fields anyway. A message left with nothing to say (`{ endInteraction: {} }`)
 * leaves its list. `response` itself is not changed.
 *
 * @example withoutOutputOnlyFields('cx', { fulfillmentResponse: { messages: [{ text: { text: ['Bye'] } }, { endInteraction: {} }] } })
 * // { response: { fulfillmentResponse: { messages: [{ text: { text: ['Bye'] } }] } },
 * //   removed: ['fulfillmentResponse.messages[1].endInteraction'] }
 */
export function withoutOutputOnlyFields<D extends Dialect, T>(dialect: D, response: T, options?: SchemaOptions<D>): { response: T; removed: string[] } {
  const { hints } = schemaApi(dialect, options?.version as string | undefined);
  const { value, removed } = stripOutputOnly(hints, hints.roots.response, response, true);
  return { response: value as T, removed: removed.map((field) => field.path) };
}
