import { createRequire } from 'node:module';
import type { JsonValue } from '../generated/types.js';

type JsonPathFunction = (options: { path: string; json: JsonValue; wrap: true; eval?: 'safe' }) => unknown[];

const load = createRequire(import.meta.url);
let jsonPath: JsonPathFunction | undefined;

/**
 * What a JSONPath (as Dialogflow's parameter mappings write them: `$.result.items[?(@.kind == 'x')].name`)
 * selects in a document, evaluated by jsonpath-plus with its safe evaluator for filters (no code
 * is run). Loaded on first use: only the lint checks need it.
 */
export function selectJsonPath(path: string, json: JsonValue): unknown[] {
  jsonPath ??= (load('jsonpath-plus') as { JSONPath: JsonPathFunction }).JSONPath;
  return jsonPath({ path, json, wrap: true, eval: 'safe' });
}

/**
 * The same path with its filters widened to every item (`[?(…)]` → `[*]`): whether a filtered
 * selection could find anything depends on the values at run time, which an example does not have.
 */
export function withoutFilters(path: string): string {
  let out = '';
  let i = 0;
  while (i < path.length) {
    if (path.startsWith('[?', i)) {
      let depth = 0;
      let j = i;
      let quote: string | undefined;
      for (; j < path.length; j++) {
        const c = path[j]!;
        if (quote !== undefined) {
          if (c === '\\') j++;
          else if (c === quote) quote = undefined;
        } else if (c === "'" || c === '"') quote = c;
        else if (c === '[') depth++;
        else if (c === ']' && --depth === 0) break;
      }
      out += '[*]';
      i = j + 1;
      continue;
    }
    out += path[i];
    i++;
  }
  return out;
}
