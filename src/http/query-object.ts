/**
 * A query string as an object: each name's value, or the list of its values when it is repeated
 * (`?tag=a&tag=b` → `{ tag: ['a', 'b'] }`). No prototype: a parameter named `__proto__` is a
 * parameter like any other.
 */
export function queryObject(query: string): Record<string, string | string[]> {
  const values = Object.create(null) as Record<string, string | string[]>;
  if (query === '') return values;
  for (const [name, value] of new URLSearchParams(query)) {
    const previous = values[name];
    values[name] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return values;
}

/** The values of a request that has none (no query string, no path parameters): one frozen object, shared. */
export const NO_VALUES: Readonly<Record<string, never>> = Object.freeze(Object.create(null) as Record<string, never>);
