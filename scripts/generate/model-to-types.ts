import type { FieldModel, ProtoModel, ValueType } from './proto-model.js';

/** One API's model and the prefix its type names get (`Cx`, `Es`). */
export interface TypeSource {
  prefix: string;
  model: ProtoModel;
}

/**
 * TypeScript wire types in the canonical proto3 JSON form, the one Dialogflow sends and we
 * emit: lowerCamelCase names, every field optional, enums as their value names. The parser's
 * alternatives (snake_case keys, numbers as strings, null for unset) are left out on purpose.
 * `sharedFrom` names the module that declares JsonValue and JsonObject, when it is another.
 */
export function modelToTypes(sources: readonly TypeSource[], header: string, sharedFrom?: string): string {
  const names = typeNames(sources);
  const shared =
    sharedFrom === undefined
      ? [
          '/** Any JSON value: what a google.protobuf.Value holds. */',
          'export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;',
          '',
          '/** A JSON object: the form of a google.protobuf.Struct. */',
          'export type JsonObject = { [key: string]: JsonValue };',
        ]
      : [`import type { JsonObject, JsonValue } from '${sharedFrom}';`];
  const blocks = [header, ...shared, ''];
  for (const { model } of sources) {
    for (const message of model.messages) {
      blocks.push(...doc('', `${withPeriod(message.summary)} Proto: \`${message.name}\`.`));
      blocks.push(`export interface ${names.get(message.name)} {`);
      for (const field of message.fields) {
        const oneof = field.oneof === undefined ? '' : ` Oneof \`${field.oneof}\`: set at most one of ${oneofMembers(message.fields, field.oneof)}.`;
        blocks.push(...doc('  ', `${withPeriod(field.summary)}${oneof}`));
        blocks.push(`  ${field.jsonName}?: ${fieldType(field, names)};`);
      }
      blocks.push('}', '');
    }
    for (const enumType of model.enums) {
      blocks.push(...doc('', `${withPeriod(enumType.summary)} Proto: \`${enumType.name}\`.`));
      blocks.push(
        unionAlias(
          names.get(enumType.name)!,
          enumType.values.map((v) => `'${v.name}'`),
        ),
        '',
      );
    }
  }
  return blocks.join('\n').replace(/\n+$/, '\n');
}

/** `Cx` + the path below the package: PageInfo.FormInfo.ParameterInfo -> CxPageInfoFormInfoParameterInfo. */
function typeNames(sources: readonly TypeSource[]): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Map<string, string>();
  for (const { prefix, model } of sources) {
    for (const type of [...model.messages, ...model.enums]) {
      const name = prefix + type.localName.split('.').join('');
      const other = taken.get(name);
      if (other !== undefined) throw new Error(`type name ${name} would stand for both ${other} and ${type.name}`);
      taken.set(name, type.name);
      names.set(type.name, name);
    }
  }
  return names;
}

function fieldType(field: FieldModel, names: ReadonlyMap<string, string>): string {
  const value = valueType(field.type, names);
  switch (field.cardinality) {
    case 'single':
      return value;
    case 'repeated':
      return `${value}[]`;
    case 'map':
      return `Record<string, ${value}>`;
  }
}

function valueType(type: ValueType, names: ReadonlyMap<string, string>): string {
  switch (type.kind) {
    case 'message':
    case 'enum':
      return names.get(type.name)!;
    case 'wellKnown':
      return { Struct: 'JsonObject', Value: 'JsonValue', ListValue: 'JsonValue[]' }[type.name];
    case 'scalar':
      switch (type.scalar) {
        case 'bool':
          return 'boolean';
        case 'int32':
        case 'float':
        case 'double':
          return 'number';
        case 'string':
        case 'bytes': // base64 text in JSON
          return 'string';
      }
  }
}

function oneofMembers(fields: readonly FieldModel[], oneof: string): string {
  return fields
    .filter((f) => f.oneof === oneof)
    .map((f) => f.jsonName)
    .join(', ');
}

function unionAlias(name: string, members: readonly string[]): string {
  const oneLine = `export type ${name} = ${members.join(' | ')};`;
  if (oneLine.length <= 110) return oneLine;
  return [`export type ${name} =`, ...members.map((m, i) => `  | ${m}${i === members.length - 1 ? ';' : ''}`)].join('\n');
}

/** A one-line doc comment, or nothing for an undocumented field. */
function doc(indent: string, text: string): string[] {
  const line = text.trim().replace(/\*\//g, '*\\/');
  return line === '' ? [] : [`${indent}/** ${line} */`];
}

function withPeriod(sentence: string): string {
  if (sentence === '') return '';
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}
