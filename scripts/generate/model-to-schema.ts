import type { EnumModel, FieldModel, MessageModel, OneofModel, ProtoModel, ValueType } from './proto-model.js';
import { BASE64_PATTERN, FLOAT32_MAX, FLOAT_STRING_PATTERN, INT32_MAX, INT32_MIN, LONE_SURROGATE_PATTERN, integerStringPattern } from './number-patterns.js';

export type JsonSchema = { [keyword: string]: unknown };

export interface SchemaOptions {
  /** Full name of the root message. */
  rootName: string;
  title: string;
  /** Text of the top-level `$comment` (the DO NOT EDIT marker and provenance). */
  comment: string;
  /** Requests: Dialogflow adds undocumented fields, which must be ignored. Responses: unknown keys fail. */
  allowUnknownFields: boolean;
  /**
   * Responses: an output-only field may only be absent or null. Google's parser takes it, but
   * Dialogflow ignores it in a webhook response, so a handler that sets it does not get what
   * it asked for.
   */
  refuseOutputOnly: boolean;
}

/**
 * A JSON Schema (draft 2020-12) for the proto3 JSON form of `rootName`, with one `$defs` entry
 * per message and enum, named by full proto name, plus shared entries for scalar spellings.
 * Every field also accepts `null` (= not set, or the JSON null of a google.protobuf.Value).
 */
export function modelToSchema(model: ProtoModel, options: SchemaOptions): JsonSchema {
  const builder = new SchemaBuilder(options.allowUnknownFields, options.refuseOutputOnly);
  const defs: Record<string, JsonSchema> = {};
  for (const message of model.messages) defs[message.name] = builder.message(message);
  for (const enumType of model.enums) defs[enumType.name] = builder.enum(enumType);
  for (const [name, def] of Object.entries(SHARED_DEFS)) if (builder.shared.has(name as SharedDef)) defs[name] = def;
  const root = model.messages.find((m) => m.name === options.rootName);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $comment: options.comment,
    title: options.title,
    ...(root?.summary ? { description: root.summary } : {}),
    type: 'object',
    $ref: ref(options.rootName),
    $defs: defs,
  };
}

type SharedDef = 'string' | 'int32' | 'float' | 'double' | 'bytes' | 'google.protobuf.Struct' | 'google.protobuf.Value' | 'google.protobuf.ListValue';

/** Definitions shared by many fields, emitted (when used) after the messages and enums, in this order. */
const SHARED_DEFS: Record<SharedDef, JsonSchema> = {
  string: {
    description: "A string without unpaired UTF-16 surrogates (Google's parser rejects those).",
    type: ['string', 'null'],
    not: { type: 'string', pattern: LONE_SURROGATE_PATTERN },
  },
  int32: {
    description: 'int32: a whole number, or a decimal string such as "42", within [-2^31, 2^31-1].',
    type: ['integer', 'string', 'null'],
    minimum: INT32_MIN,
    maximum: INT32_MAX,
    pattern: integerStringPattern(INT32_MIN, INT32_MAX),
  },
  float: {
    description: 'float: a number within the float32 range, a numeric string, or "NaN", "Infinity", "-Infinity".',
    type: ['number', 'string', 'null'],
    minimum: -FLOAT32_MAX,
    maximum: FLOAT32_MAX,
    pattern: FLOAT_STRING_PATTERN,
  },
  double: {
    description: 'double: a number, a numeric string, or "NaN", "Infinity", "-Infinity".',
    type: ['number', 'string', 'null'],
    pattern: FLOAT_STRING_PATTERN,
  },
  bytes: {
    description: 'bytes: base64, standard or URL-safe alphabet, padding optional.',
    type: ['string', 'null'],
    pattern: BASE64_PATTERN,
  },
  // Struct and Value contents are not walked: that would cost time in proportion to payload size.
  'google.protobuf.Struct': { description: 'google.protobuf.Struct: any JSON object.', type: ['object', 'null'] },
  'google.protobuf.Value': { description: 'google.protobuf.Value: any JSON value; null is a value here, not "unset".' },
  'google.protobuf.ListValue': { description: 'google.protobuf.ListValue: any JSON array.', type: ['array', 'null'] },
};

/** An output-only field in a response: absent, or null (which Google's parser reads as unset). */
const OUTPUT_ONLY: JsonSchema = { type: 'null' };

/** The JSON types a value may have where null is not allowed: list items and message map values. */
function nonNullTypes(type: ValueType): string | string[] | undefined {
  switch (type.kind) {
    case 'message':
      return 'object';
    case 'enum':
      return ['string', 'integer'];
    case 'wellKnown':
      if (type.name === 'Value') return undefined; // a JSON null item is NullValue, not a missing element
      return type.name === 'Struct' ? 'object' : 'array';
    case 'scalar':
      switch (type.scalar) {
        case 'bool':
          return 'boolean';
        case 'int32':
          return ['integer', 'string'];
        case 'float':
        case 'double':
          return ['number', 'string'];
        default:
          return 'string';
      }
  }
}

class SchemaBuilder {
  /** Shared definitions referenced so far; only these are emitted. */
  readonly shared = new Set<SharedDef>();

  constructor(
    private readonly allowUnknownFields: boolean,
    private readonly refuseOutputOnly: boolean,
  ) {}

  message(message: MessageModel): JsonSchema {
    const properties: Record<string, JsonSchema> = {};
    const refused = (field: FieldModel) => this.refuseOutputOnly && field.outputOnly;
    for (const field of message.fields) {
      const value = refused(field) ? OUTPUT_ONLY : this.field(field);
      const summary = refused(field) ? `${field.summary} Dialogflow ignores it in a webhook response, so it must be left out.` : field.summary;
      properties[field.jsonName] = { ...describe(summary.trim()), ...value };
      if (field.protoName !== field.jsonName) {
        properties[field.protoName] = {
          description: `The proto name of \`${field.jsonName}\`, which proto3 JSON parsers also accept.`,
          ...value,
        };
      }
    }
    // A refused member can never be set, so it takes no part in its oneof's rule.
    const oneofRules = message.oneofs
      .map((oneof) => oneofRule({ ...oneof, fields: oneof.fields.filter((field) => !refused(field)) }))
      .filter((rule) => rule !== undefined);
    return {
      ...describe(message.summary),
      type: ['object', 'null'],
      ...(message.fields.length > 0 ? { properties } : {}),
      ...(this.allowUnknownFields ? {} : { additionalProperties: false }),
      ...(oneofRules.length > 0 ? { allOf: oneofRules } : {}),
    };
  }

  private field(field: FieldModel): JsonSchema {
    switch (field.cardinality) {
      case 'single':
        return this.value(field.type);
      case 'repeated':
        // Google's parser rejects null elements ("null is not allowed to be used as an element").
        return { type: ['array', 'null'], items: this.nonNullValue(field.type) };
      case 'map':
        // Map keys are parsed like string fields, values like list items except for Value.
        return {
          type: ['object', 'null'],
          propertyNames: { not: { pattern: LONE_SURROGATE_PATTERN } },
          additionalProperties: this.nonNullValue(field.type),
        };
    }
  }

  private nonNullValue(type: ValueType): JsonSchema {
    const types = nonNullTypes(type);
    return { ...this.value(type), ...(types === undefined ? {} : { type: types }) };
  }

  private value(type: ValueType): JsonSchema {
    switch (type.kind) {
      case 'message':
      case 'enum':
        return { $ref: ref(type.name) };
      case 'wellKnown':
        return this.sharedRef(`google.protobuf.${type.name}`);
      case 'scalar':
        return type.scalar === 'bool' ? { type: ['boolean', 'null'] } : this.sharedRef(type.scalar);
    }
  }

  enum(enumType: EnumModel): JsonSchema {
    return {
      ...describe(enumType.summary),
      // Google's parser takes the value's name (case-sensitive) or its number, also as a
      // decimal string; proto3 enums are open, so unknown numbers are kept, not rejected.
      anyOf: [{ enum: enumType.values.map((v) => v.name) }, this.sharedRef('int32')],
    };
  }

  private sharedRef(name: SharedDef): JsonSchema {
    this.shared.add(name);
    return { $ref: ref(name) };
  }
}

/**
 * "At most one member set", where a member may be spelled by JSON or proto name and null
 * counts as unset. Written as a `oneOf` over "this key is set" for each key plus "no key is
 * set": exactly one branch holds when at most one key is set, and the size stays linear in
 * the number of keys (pairwise exclusions would be quadratic). The key branches demand an
 * object because `required` holds vacuously for null, which must pass as an unset message.
 */
function oneofRule(oneof: OneofModel): JsonSchema | undefined {
  const keys = oneof.fields.flatMap((f) => (f.protoName === f.jsonName ? [f.jsonName] : [f.jsonName, f.protoName]));
  if (keys.length < 2) return undefined;
  return {
    description: `oneof ${oneof.name}: at most one of ${oneof.fields.map((f) => f.jsonName).join(', ')} may be set.`,
    oneOf: [
      ...keys.map((key) => ({ type: 'object', required: [key], properties: { [key]: { not: { type: 'null' } } } })),
      { properties: Object.fromEntries(keys.map((key) => [key, { type: 'null' }])) },
    ],
  };
}

function describe(summary: string): JsonSchema {
  return summary === '' ? {} : { description: summary };
}

function ref(name: string): string {
  return `#/$defs/${name}`;
}
