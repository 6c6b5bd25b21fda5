import type { JsonValue } from '../generated/types.js';

type Schema = boolean | { readonly [keyword: string]: unknown };

const FORMAT_EXAMPLES: Readonly<Record<string, string>> = {
  date: '2026-01-31',
  'date-time': '2026-01-31T09:00:00Z',
  time: '09:00:00Z',
  email: 'user@example.com',
  uri: 'https://example.com/',
  uuid: '00000000-0000-4000-8000-000000000000',
  hostname: 'example.com',
  ipv4: '192.0.2.1',
};

/**
 * An example value a JSON Schema accepts, with every declared property present and every array
 * holding one item: what an endpoint "can produce" when a lint check asks whether a JSONPath
 * selects anything, and what a body template's parameter reference is filled with. Takes the
 * schema's own `example`/`examples`/`default`/`const`/`enum` first. Not a generator of every
 * valid value: patterns, `not` and conditions are not followed.
 */
export function exampleOf(schema: Schema | undefined, depth = 0): JsonValue {
  if (schema === undefined || typeof schema === 'boolean' || depth > 20) return null;
  const given = schema.example ?? (Array.isArray(schema.examples) ? schema.examples[0] : undefined) ?? schema.default ?? schema.const;
  if (given !== undefined) return given as JsonValue;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0] as JsonValue;
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const list = schema[key];
    if (Array.isArray(list) && list.length > 0) {
      if (key !== 'allOf') return exampleOf(list[0] as Schema, depth + 1);
      return Object.assign(
        {},
        ...list.map((sub) => exampleOf(sub as Schema, depth + 1)).filter((v) => v !== null && typeof v === 'object' && !Array.isArray(v)),
      );
    }
  }
  const type = Array.isArray(schema.type) ? (schema.type as string[]).find((t) => t !== 'null') : (schema.type as string | undefined);
  switch (type ?? (schema.properties !== undefined ? 'object' : schema.items !== undefined ? 'array' : undefined)) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      return Object.fromEntries(Object.entries(properties).map(([name, sub]) => [name, exampleOf(sub, depth + 1)]));
    }
    case 'array':
      return [exampleOf(schema.items as Schema | undefined, depth + 1)];
    case 'string':
      return typeof schema.format === 'string' && Object.hasOwn(FORMAT_EXAMPLES, schema.format) ? FORMAT_EXAMPLES[schema.format]! : 'example';
    case 'integer':
      return typeof schema.minimum === 'number' ? Math.ceil(schema.minimum) : 1;
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 1;
    case 'boolean':
      return true;
    default:
      return null;
  }
}

/** The schema of what sits under `key` (a property name, or an index of a list) in a value of `schema`. */
export function schemaAt(schema: Schema | undefined, key: string | number): Schema | undefined {
  if (schema === undefined || typeof schema === 'boolean') return schema;
  if (typeof key === 'number') return schema.items as Schema | undefined;
  const properties = schema.properties as Record<string, Schema> | undefined;
  if (properties !== undefined && Object.hasOwn(properties, key)) return properties[key];
  const additional = schema.additionalProperties;
  return typeof additional === 'object' || typeof additional === 'boolean' ? (additional as Schema) : undefined;
}
