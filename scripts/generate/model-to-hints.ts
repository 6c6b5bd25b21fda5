import { formatJson } from './format-json.js';
import type { ProtoModel, ValueType } from './proto-model.js';

/** The root message of each schema by dialect, as src/schema/ looks them up. */
export type HintRoots = Record<string, { request: string; response: string }>;

/** The field layout of some models, as data: messages by full name, enum value names by full name. */
export interface Hints {
  messages: Record<string, unknown>;
  enums: Record<string, string[]>;
}

/**
 * The field layout behind the validators, as data: src/schema/ walks it along an error's
 * instance path to say, in proto3 JSON terms, what the value there should have been, and
 * along a refused response to find the output-only fields in it.
 */
export function modelHints(models: readonly ProtoModel[]): Hints {
  const messages: Record<string, unknown> = {};
  const enums: Record<string, string[]> = {};
  for (const model of models) {
    for (const message of model.messages) {
      messages[message.name] = {
        fields: message.fields.map((field) => ({
          json: field.jsonName,
          proto: field.protoName,
          type: typeName(field.type),
          ...(field.cardinality === 'single' ? {} : { cardinality: field.cardinality }),
          ...(field.outputOnly ? { outputOnly: true } : {}),
        })),
        oneofs: message.oneofs.map((oneof) => ({ name: oneof.name, members: oneof.fields.map((f) => f.jsonName) })),
      };
    }
    for (const enumType of model.enums) {
      // The meaningful values first: "must be one of APPEND, REPLACE, MERGE_BEHAVIOR_UNSPECIFIED".
      const values = [...enumType.values].sort((a, b) => Number(a.number === 0) - Number(b.number === 0));
      enums[enumType.name] = values.map((v) => v.name);
    }
  }
  return { messages, enums };
}

/** The GA APIs' hints as a TypeScript module, bundled with the library. */
export function modelToHints(models: readonly ProtoModel[], roots: HintRoots, header: string): string {
  const { messages, enums } = modelHints(models);
  return [
    header,
    '/** How a field is written: a scalar, a google.protobuf well-known type, or a message or enum by full name. */',
    'export interface FieldHint {',
    '  json: string;',
    '  proto: string;',
    '  type: string;',
    "  cardinality?: 'repeated' | 'map';",
    '  /** Dialogflow fills it and ignores it in a webhook response (`google.api.field_behavior`). */',
    '  outputOnly?: true;',
    '}',
    '',
    '/** A message: its fields, and its oneofs by member JSON names. */',
    'export interface MessageHint {',
    '  fields: readonly FieldHint[];',
    '  oneofs: readonly { name: string; members: readonly string[] }[];',
    '}',
    '',
    `export const rootMessages = ${literal(roots)} as const;`,
    '',
    `export const messageHints: Readonly<Record<string, MessageHint>> = ${literal(messages)};`,
    '',
    '/** Enum value names, the unspecified (0) value last. */',
    `export const enumHints: Readonly<Record<string, readonly string[]>> = ${literal(enums)};`,
    '',
  ].join('\n');
}

function typeName(type: ValueType): string {
  switch (type.kind) {
    case 'scalar':
      return type.scalar;
    case 'wellKnown':
      return `google.protobuf.${type.name}`;
    default:
      return type.name;
  }
}

function literal(value: unknown): string {
  return formatJson(value, 110);
}
