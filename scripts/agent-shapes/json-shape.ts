/**
 * The structure of JSON files without their values: which keys an object has, what types each
 * holds, what a list's items look like. Used to hold the demo agent's export against the real
 * exports in ../shared/agents: same layout, same field shapes (test/demo/agent-export.test.ts).
 */
export interface Shape {
  /** `string`, `number`, `boolean`, `null`, `object`, `array`: every type seen here. */
  types: string[];
  keys?: Record<string, Shape>;
  items?: Shape;
}

/** The shape of one JSON value. */
export function shapeOf(value: unknown): Shape {
  if (Array.isArray(value)) {
    const items = value.map(shapeOf).reduce<Shape | undefined>((a, b) => (a === undefined ? b : mergeShapes(a, b)), undefined);
    return items === undefined ? { types: ['array'] } : { types: ['array'], items };
  }
  if (value !== null && typeof value === 'object') {
    const keys: Record<string, Shape> = {};
    for (const key of Object.keys(value).sort()) keys[key] = shapeOf((value as Record<string, unknown>)[key]);
    return { types: ['object'], keys };
  }
  return { types: [value === null ? 'null' : typeof value] };
}

/** One shape that allows everything either allows. */
export function mergeShapes(a: Shape, b: Shape): Shape {
  const merged: Shape = { types: [...new Set([...a.types, ...b.types])].sort() };
  if (a.keys !== undefined || b.keys !== undefined) {
    const keys: Record<string, Shape> = {};
    for (const key of [...new Set([...Object.keys(a.keys ?? {}), ...Object.keys(b.keys ?? {})])].sort()) {
      const [x, y] = [a.keys?.[key], b.keys?.[key]];
      keys[key] = x === undefined ? y! : y === undefined ? x : mergeShapes(x, y);
    }
    merged.keys = keys;
  }
  if (a.items !== undefined || b.items !== undefined)
    merged.items = a.items === undefined ? b.items! : b.items === undefined ? a.items : mergeShapes(a.items, b.items);
  return merged;
}

/**
 * Where `shape` goes beyond `known`: a field `known` never has, or a type it never holds there
 * (an empty list or object in `known` allows any items or keys). Paths like `form.parameters[].entityType`.
 */
export function beyond(shape: Shape, known: Shape, at = ''): string[] {
  const found: string[] = [];
  const extra = shape.types.filter((type) => !known.types.includes(type));
  if (extra.length > 0) found.push(`${at || '(root)'}: ${extra.join(', ')} where the real exports have ${known.types.join(', ')}`);
  if (shape.keys !== undefined && known.keys !== undefined && Object.keys(known.keys).length > 0) {
    for (const [key, value] of Object.entries(shape.keys)) {
      const path = at === '' ? key : `${at}.${key}`;
      const other = known.keys[key];
      if (other === undefined) found.push(`${path}: not in the real exports`);
      else found.push(...beyond(value, other, path));
    }
  }
  if (shape.items !== undefined && known.items !== undefined) found.push(...beyond(shape.items, known.items, `${at}[]`));
  return found;
}

/** What kind of file a path of an export is, by the layout Dialogflow exports use; undefined for others. */
export function fileKind(dialect: 'cx' | 'es', path: string): string | undefined {
  const cx: [RegExp, string][] = [
    [/^agent\.json$/, 'agent'],
    [/^flows\/[^/]+\/pages\/[^/]+\.json$/, 'page'],
    [/^flows\/[^/]+\/transitionRouteGroups\/[^/]+\.json$/, 'routeGroup'],
    [/^flows\/[^/]+\/[^/]+\.json$/, 'flow'],
    [/^intents\/[^/]+\/trainingPhrases\/[^/]+\.json$/, 'trainingPhrases'],
    [/^intents\/[^/]+\/[^/]+\.json$/, 'intent'],
    [/^entityTypes\/[^/]+\/entities\/[^/]+\.json$/, 'entities'],
    [/^entityTypes\/[^/]+\/[^/]+\.json$/, 'entityType'],
    [/^webhooks\/[^/]+\.json$/, 'webhook'],
  ];
  const es: [RegExp, string][] = [
    [/^agent\.json$/, 'agent'],
    [/^package\.json$/, 'package'],
    [/^intents\/[^/]+_usersays_[^/]+\.json$/, 'usersays'],
    [/^intents\/[^/]+\.json$/, 'intent'],
    [/^entities\/[^/]+_entries_[^/]+\.json$/, 'entries'],
    [/^entities\/[^/]+\.json$/, 'entity'],
  ];
  return (dialect === 'cx' ? cx : es).find(([pattern]) => pattern.test(path))?.[1];
}
