import type { JsonSchemaDocument } from './json-schema.js';

type SchemaObject = Record<string, unknown>;

/** Keywords of JSON Schema draft-07 that an OpenAPI 3.0 Schema Object does not have: left out of the document (they are still checked). */
const DROPPED = new Set([
  '$schema',
  '$id',
  '$comment',
  'definitions',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'patternProperties',
  'dependencies',
  'const',
  'examples',
]);
const SUBSCHEMA = ['items', 'additionalProperties', 'not'];
const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf'];

/**
 * An endpoint's JSON Schema (draft-07) as an OpenAPI 3.0 Schema Object, which is a dialect of
 * its own: `type: ['string', 'null']` becomes `nullable`, `const` an `enum` of one, a numeric
 * `exclusiveMinimum` the boolean form, `examples` an `example`, `true`/`false` the schemas that
 * accept anything or nothing. Keywords 3.0 lacks are left out: the document describes a little
 * less than the endpoint checks, never more.
 */
export function toOpenApiSchema(schema: JsonSchemaDocument): SchemaObject {
  if (schema === true) return {};
  if (schema === false) return { not: {} };
  const out: SchemaObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED.has(key)) continue;
    if (key === 'properties' && isObject(value))
      out.properties = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, toOpenApiSchema(sub as JsonSchemaDocument)]));
    else if (SUBSCHEMA.includes(key) && (isObject(value) || typeof value === 'boolean'))
      out[key] = key === 'additionalProperties' && typeof value === 'boolean' ? value : toOpenApiSchema(value as JsonSchemaDocument);
    else if (SUBSCHEMA_LISTS.includes(key) && Array.isArray(value)) out[key] = value.map((sub) => toOpenApiSchema(sub as JsonSchemaDocument));
    else if ((key === 'exclusiveMinimum' || key === 'exclusiveMaximum') && typeof value === 'number') {
      out[key === 'exclusiveMinimum' ? 'minimum' : 'maximum'] = value;
      out[key] = true;
    } else out[key] = value;
  }
  if (Object.hasOwn(schema, 'const')) out.enum = [schema.const];
  if (Array.isArray(schema.examples) && schema.examples.length > 0 && out.example === undefined) out.example = schema.examples[0];
  if (Array.isArray(schema.type)) typeList(out, schema.type as string[]);
  return out;
}

/** `type: ['string', 'null']` → `type: 'string', nullable: true`; several types → `anyOf`. */
function typeList(out: SchemaObject, types: readonly string[]): void {
  const nullable = types.includes('null');
  const rest = types.filter((t) => t !== 'null');
  delete out.type;
  if (rest.length === 1) out.type = rest[0];
  else if (rest.length > 1) out.anyOf = rest.map((type) => ({ type }));
  if (nullable) out.nullable = true;
}

function isObject(value: unknown): value is SchemaObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
