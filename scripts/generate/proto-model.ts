import protobuf from 'protobufjs';
import { commentSummary } from './comment-summary.js';

/**
 * The part of the protos that the JSON mapping needs, reduced to plain data: every message
 * and enum reachable from some root messages, in discovery order (roots first), with JSON
 * names, cardinality, oneofs and one-line comments. Schema, types and hints are all written
 * from this model, so they cannot disagree about what a field is.
 */
export interface ProtoModel {
  messages: MessageModel[];
  enums: EnumModel[];
}

export interface MessageModel {
  /** Full proto name without the leading dot: google.cloud.dialogflow.cx.v3.PageInfo.FormInfo */
  name: string;
  /** Name inside its package: PageInfo.FormInfo */
  localName: string;
  summary: string;
  fields: FieldModel[];
  oneofs: OneofModel[];
}

export interface FieldModel {
  protoName: string;
  jsonName: string;
  cardinality: 'single' | 'repeated' | 'map';
  /** The field's type; for a map, the type of its values (keys are always strings here). */
  type: ValueType;
  /** Name of the oneof this field belongs to. */
  oneof?: string;
  /** `google.api.field_behavior = OUTPUT_ONLY`: Dialogflow fills it, and ignores it in what it is sent. */
  outputOnly: boolean;
  summary: string;
}

export interface OneofModel {
  name: string;
  /** The members, in declaration order. */
  fields: FieldModel[];
}

export interface EnumModel {
  name: string;
  localName: string;
  summary: string;
  values: { name: string; number: number }[];
}

export type ScalarType = 'string' | 'bool' | 'bytes' | 'int32' | 'float' | 'double';
export type WellKnownType = 'Struct' | 'Value' | 'ListValue';

export type ValueType =
  | { kind: 'scalar'; scalar: ScalarType }
  | { kind: 'enum'; name: string }
  | { kind: 'message'; name: string }
  | { kind: 'wellKnown'; name: WellKnownType };

const SCALARS: ReadonlySet<string> = new Set<ScalarType>(['string', 'bool', 'bytes', 'int32', 'float', 'double']);
const WELL_KNOWN: ReadonlySet<string> = new Set<WellKnownType>(['Struct', 'Value', 'ListValue']);

export interface BuildOptions {
  /**
   * Do not follow the types of output-only fields (they stay in the model, marked): what a
   * webhook response may not set needs no definitions of its own.
   */
  pruneOutputOnly?: boolean;
}

/** Collects every message and enum reachable from `rootNames` (full names, no leading dot). */
export function buildModel(root: protobuf.Root, rootNames: readonly string[], options: BuildOptions = {}): ProtoModel {
  const messages = new Map<string, MessageModel>();
  const enums = new Map<string, EnumModel>();
  const queue = rootNames.map((name) => root.lookupType(name));
  while (queue.length > 0) {
    const type = queue.shift()!;
    const name = trimDot(type.fullName);
    if (messages.has(name)) continue;
    messages.set(name, messageModel(type));
    for (const field of type.fieldsArray) {
      if (options.pruneOutputOnly === true && isOutputOnly(field)) continue;
      const resolved = field.resolvedType;
      if (resolved instanceof protobuf.Enum && !enums.has(trimDot(resolved.fullName))) {
        enums.set(trimDot(resolved.fullName), enumModel(resolved));
      } else if (resolved instanceof protobuf.Type && !isWellKnown(resolved)) {
        queue.push(resolved);
      }
    }
  }
  return { messages: [...messages.values()], enums: [...enums.values()] };
}

function messageModel(type: protobuf.Type): MessageModel {
  const fields = type.fieldsArray.map((field) => fieldModel(type, field));
  const message: MessageModel = {
    name: trimDot(type.fullName),
    localName: localName(type),
    summary: commentSummary(type.comment),
    fields,
    oneofs: type.oneofsArray.map((oneof) => ({
      name: oneof.name,
      fields: oneof.fieldsArray.map((member) => fields.find((f) => f.protoName === member.name)!),
    })),
  };
  checkJsonKeys(message);
  return message;
}

function fieldModel(owner: protobuf.Type, field: protobuf.Field): FieldModel {
  const where = `${trimDot(owner.fullName)}.${field.name}`;
  if (field instanceof protobuf.MapField && field.keyType !== 'string') {
    throw new Error(`${where}: map<${field.keyType}, ...> is not supported (JSON map keys are only handled for string keys)`);
  }
  const explicitJsonName = (field.options as Record<string, unknown> | undefined)?.['json_name'];
  return {
    protoName: field.name,
    jsonName: typeof explicitJsonName === 'string' ? explicitJsonName : lowerCamel(field.name),
    cardinality: field instanceof protobuf.MapField ? 'map' : field.repeated ? 'repeated' : 'single',
    type: valueType(where, field),
    ...(field.partOf ? { oneof: field.partOf.name } : {}),
    outputOnly: isOutputOnly(field),
    summary: commentSummary(field.comment),
  };
}

/**
 * Whether the field carries `[(google.api.field_behavior) = OUTPUT_ONLY]`. protobufjs keeps
 * each option as written, one entry per occurrence, so a field with several behaviours has
 * several entries (or one with a list).
 */
function isOutputOnly(field: protobuf.Field): boolean {
  const options = (field.parsedOptions ?? []) as Record<string, unknown>[];
  return options.some((option) => [option['(google.api.field_behavior)']].flat().includes('OUTPUT_ONLY'));
}

function valueType(where: string, field: protobuf.Field): ValueType {
  const resolved = field.resolvedType;
  if (resolved instanceof protobuf.Enum) return { kind: 'enum', name: trimDot(resolved.fullName) };
  if (resolved instanceof protobuf.Type) {
    if (!isWellKnown(resolved)) return { kind: 'message', name: trimDot(resolved.fullName) };
    if (WELL_KNOWN.has(resolved.name)) return { kind: 'wellKnown', name: resolved.name as WellKnownType };
    throw new Error(`${where}: well-known type ${trimDot(resolved.fullName)} has no JSON mapping in scripts/generate yet`);
  }
  if (SCALARS.has(field.type)) return { kind: 'scalar', scalar: field.type as ScalarType };
  throw new Error(`${where}: scalar type ${field.type} has no JSON mapping in scripts/generate yet`);
}

function enumModel(type: protobuf.Enum): EnumModel {
  return {
    name: trimDot(type.fullName),
    localName: localName(type),
    summary: commentSummary(type.comment),
    values: Object.entries(type.values).map(([name, number]) => ({ name, number })),
  };
}

/**
 * Google's parser looks a key up as JSON name, then as proto name, and records oneof names in
 * the same list it uses to spot repeated keys; a clash between any of those would make the
 * generated rules wrong, so it stops the generator instead.
 */
function checkJsonKeys(message: MessageModel): void {
  const owners = new Map<string, string>();
  for (const field of message.fields) {
    for (const key of new Set([field.jsonName, field.protoName])) {
      const other = owners.get(key);
      if (other !== undefined && other !== field.protoName) {
        throw new Error(`${message.name}: JSON key "${key}" names both ${other} and ${field.protoName}`);
      }
      owners.set(key, field.protoName);
    }
  }
  for (const oneof of message.oneofs) {
    if (owners.has(oneof.name)) throw new Error(`${message.name}: oneof "${oneof.name}" has the name of a field`);
  }
}

/** protoc's default json_name: drop underscores, upper-case the letter after each. */
export function lowerCamel(protoName: string): string {
  return protoName.replace(/_+(.?)/g, (_match, next: string) => next.toUpperCase());
}

function isWellKnown(type: protobuf.Type): boolean {
  return type.fullName.startsWith('.google.protobuf.');
}

/** The name below the package: nested types keep their dotted path (PageInfo.FormInfo). */
function localName(type: protobuf.ReflectionObject): string {
  let pkg = type.parent;
  while (pkg instanceof protobuf.Type) pkg = pkg.parent;
  return trimDot(type.fullName).slice(pkg && pkg.fullName !== '' ? trimDot(pkg.fullName).length + 1 : 0);
}

function trimDot(name: string): string {
  return name.startsWith('.') ? name.slice(1) : name;
}
