import { Ajv, _, type KeywordCxt } from 'ajv';
import { usePattern } from 'ajv/dist/vocabularies/code.js';
import standalone from 'ajv/dist/standalone/index.js';
import { formatJson } from './format-json.js';
import type { JsonSchema } from './model-to-schema.js';
import { LONE_SURROGATE_PATTERN } from './number-patterns.js';

/** The two schemas of a dialect, compiled together. */
export interface DialectSchemas {
  request: JsonSchema;
  response: JsonSchema;
}

/**
 * Precompiles a dialect's request and response schemas into one CommonJS module exporting
 * `request` and `response`, with ajv's standalone code generator, so the runtime needs neither
 * ajv nor schema compilation. Validation stops at the first error (allErrors off): it runs on
 * every webhook call and the valid path must stay fast. CommonJS, so that the runtime can load
 * a dialect's validators synchronously on first use (see validatorsIndex). `hints`, when given,
 * is exported too: the beta versions keep theirs here, out of the library bundle.
 *
 * Two choices are for speed on that path (docs/performance.md, fourth round):
 * - Definitions are inlined where they are used. Called as functions, every field cost an
 *   options object and a path string, valid or not.
 * - The published schemas say draft 2020-12, but use only keywords that mean the same in
 *   draft-07 (checked below), so they are compiled by ajv's draft-07 engine: its 2020-12
 *   engine tracks evaluated properties for `unevaluatedProperties` in every function, which
 *   these schemas never use.
 */
export function compileDialectValidators(schemas: DialectSchemas, header: string, hints?: object): string {
  const ajv = new Ajv({
    code: { source: true, esm: false, lines: true },
    allErrors: false,
    messages: false,
    strict: true,
    allowUnionTypes: true,
    inlineRefs: true,
  });
  ajv.addKeyword(AT_MOST_ONE_SET);
  ajv.addKeyword(NOT_PATTERN);
  for (const kind of ['request', 'response'] as const) {
    const { $schema: _draft, ...schema } = compact(schemas[kind]) as Record<string, unknown>;
    const newer = keywordsOnlyIn2020(schema);
    if (newer !== undefined) throw new Error(`the ${kind} schema uses ${newer}, which draft-07 reads differently: compile it with Ajv2020`);
    // Every oneOf comes from a proto oneof; one left over means oneofRule changed shape.
    if (JSON.stringify(schema).includes('"oneOf"')) throw new Error(`a oneOf in the ${kind} schema was not recognised as a proto oneof: update oneofKeys()`);
    ajv.addSchema(schema as JsonSchema, kind);
  }
  const code = standalone.default(ajv, { request: 'request', response: 'response' });
  const runtimeImport = /\brequire\(|^\s*import\b/m.exec(code);
  if (runtimeImport) throw new Error(`ajv standalone code imports a runtime helper (${runtimeImport[0]}); change the schemas or options`);
  const exported = code.match(/^exports\.(request|response) = validate\d+;$/gm) ?? [];
  if (exported.length !== 2) throw new Error(`expected ajv to export request and response, found ${exported.length} exports: ajv's output format changed`);
  const withHints = hints === undefined ? '' : `\nexports.hints = ${formatJson(hints, 110)};`;
  return `${header}${inlineSchemaConstants(code).trimEnd()}${withHints}\n`;
}

/** The first keyword whose meaning differs between draft 2020-12 and draft-07, if the schema has one. */
function keywordsOnlyIn2020(schema: unknown, parentKeyword = ''): string | undefined {
  if (Array.isArray(schema)) return schema.map((item) => keywordsOnlyIn2020(item)).find((found) => found !== undefined);
  if (schema === null || typeof schema !== 'object') return undefined;
  const keysAreNames = parentKeyword === 'properties' || parentKeyword === '$defs';
  for (const [key, value] of Object.entries(schema)) {
    if (!keysAreNames) {
      if (DIFFERENT_IN_2020.has(key)) return key;
      if (key === 'items' && Array.isArray(value)) return 'items as an array';
    }
    const found = keywordsOnlyIn2020(value, keysAreNames ? '' : key);
    if (found !== undefined) return found;
  }
  return undefined;
}

const DIFFERENT_IN_2020 = new Set([
  'prefixItems',
  '$dynamicRef',
  '$dynamicAnchor',
  '$recursiveRef',
  'unevaluatedProperties',
  'unevaluatedItems',
  'dependentSchemas',
  'dependentRequired',
  'additionalItems',
  '$anchor',
  '$id',
]);

/**
 * ajv's standalone code carries a copy of every schema object that an error parameter points
 * at (`params: { type: schema21.type }`), a fifth of the code, all of it parsed at every start.
 * The pieces actually read are put in its place: a string or number as a literal, an object or
 * array as a small constant of its own (shared by equal values), the rest dropped.
 */
function inlineSchemaConstants(code: string): string {
  const schemas = new Map<string, unknown>();
  const withoutSchemas = code.replace(/^const (schema\d+) = (.*);$/gm, (_line, name: string, json: string) => {
    schemas.set(name, JSON.parse(json));
    return '';
  });
  const pieces = new Map<string, string>(); // JSON of a piece -> its constant's name
  const inlined = withoutSchemas.replace(/\b(schema\d+)((?:\.[A-Za-z_$][\w$]*|\[\d+\])+)/g, (reference, name: string, path: string) => {
    if (!schemas.has(name)) return reference;
    let value = schemas.get(name);
    for (const [, key, index] of path.matchAll(/\.([A-Za-z_$][\w$]*)|\[(\d+)\]/g)) value = (value as Record<string, unknown>)[key ?? index!];
    if (value === undefined) throw new Error(`${reference} points at nothing in its schema`);
    const json = JSON.stringify(value);
    if (value === null || typeof value !== 'object') return json;
    if (!pieces.has(json)) pieces.set(json, `schemaPart${pieces.size}`);
    return pieces.get(json)!;
  });
  const left = [...schemas.keys()].find((name) => new RegExp(`\\b${name}\\b`).test(inlined));
  if (left !== undefined) throw new Error(`${left} is still used whole after inlining its parts: ajv's output format changed`);
  const constants = [...pieces].map(([json, name]) => `const ${name} = ${json};\n`).join('');
  return inlined.replace(/^"use strict";\n/, `"use strict";\n${constants}`).replace(/\n{2,}/g, '\n');
}

/** One API version's validator module: `cx-validators.cjs` for a GA version, `cx-v3beta1-validators.cjs` for another. */
export interface ValidatorModule {
  dialect: string;
  version: string;
  ga: boolean;
}

/** The module's file name, next to src/generated/validators.ts (the GA names predate the versions). */
export function validatorFile(module: ValidatorModule): string {
  return module.ga ? `${module.dialect}-validators.cjs` : `${module.dialect}-${module.version}-validators.cjs`;
}

/**
 * The module the library imports: the validator types, and where each API version's CommonJS
 * module (see compileDialectValidators) is, next to this one. src/schema/validate.ts loads a
 * version's module on first use: a process serving one dialect never parses the other's code,
 * and one serving the GA versions never parses the beta ones'.
 */
export function validatorsIndex(modules: readonly ValidatorModule[], header: string): string {
  const dialects = [...new Set(modules.map((module) => module.dialect))];
  const files = dialects
    .map((dialect) => {
      const versions = modules
        .filter((module) => module.dialect === dialect)
        .map(
          (module) => `    ${module.version}: new URL('./${validatorFile(module)}', import.meta.url),
`,
        )
        .join('');
      return `  ${dialect}: {\n${versions}  },\n`;
    })
    .join('');
  const ga = dialects.map((dialect) => `${dialect}: '${modules.find((m) => m.dialect === dialect && m.ga)!.version}'`).join(', ');
  return `${header}import type { MessageHint } from './schema-hints.js';

/** A precompiled validator: true when \`data\` matches; otherwise \`errors\` ends with the cause. */
export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: SchemaValidationError[] | null;
}

/** An ajv error object (ajv's messages are not generated: src/schema/ writes readable ones). */
export interface SchemaValidationError {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
}

/** The field layout that explains a failed validation: root messages, messages and enums by full name. */
export interface SchemaHints {
  roots: { request: string; response: string };
  messages: Readonly<Record<string, MessageHint>>;
  enums: Readonly<Record<string, readonly string[]>>;
}

/**
 * What each API version's module exports: its request and response validators. The modules
 * of the beta versions carry their hints too; the GA versions' are in schema-hints.ts.
 */
export interface DialectValidators {
  request: SchemaValidator;
  response: SchemaValidator;
  hints?: SchemaHints;
}

/** Each API version's validator module, by dialect. */
export const validatorFiles = {
${files}} as const;

/** The version a dialect's documents are checked against unless another is asked for. */
export const gaVersions = { ${ga} } as const;
`;
}

const ANNOTATIONS = new Set(['$comment', 'title', 'description']);

/**
 * The schema as it is compiled: without annotation keywords (ajv copies schema objects into
 * the generated code where error parameters point at them, so descriptions would only add
 * size), with each proto oneof rule (see model-to-schema.ts) turned into `atMostOneSet` and
 * each `not: { pattern }` on strings into `notPattern`. Both mean the same as the schema;
 * compiled as ajv compiles them, a valid message allocated an error object for every oneof
 * branch that does not hold and for every string the `not` accepts: most of what validation
 * allocated per request.
 */
function compact(schema: unknown, parentKeyword = ''): unknown {
  if (Array.isArray(schema)) return schema.map((item) => compact(item));
  if (schema === null || typeof schema !== 'object') return schema;
  // Under `properties` and `$defs` the keys are names, not keywords: a field may be called "title".
  const keysAreNames = parentKeyword === 'properties' || parentKeyword === '$defs';
  if (!keysAreNames) {
    const keys = oneofKeys(schema as Record<string, unknown>);
    if (keys !== undefined) return { atMostOneSet: keys };
    const not = (schema as Record<string, unknown>)['not'];
    const pattern = notStringPattern(not);
    if (pattern !== undefined) {
      const rest = Object.entries(schema).filter(([key]) => key !== 'not');
      return { ...(compact(Object.fromEntries(rest), parentKeyword) as object), notPattern: pattern };
    }
  }
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key]) => keysAreNames || !ANNOTATIONS.has(key))
      .map(([key, value]) => [key, compact(value, keysAreNames ? '' : key)]),
  );
}

/** The keys of a oneof rule, `{ oneOf: [...one branch per key set, none set] }`; undefined for anything else. */
function oneofKeys(schema: Record<string, unknown>): string[] | undefined {
  const branches = schema['oneOf'];
  if (!Array.isArray(branches) || branches.length < 3) return undefined;
  const none = branches.at(-1) as { properties?: Record<string, unknown> };
  const keys = Object.keys(none.properties ?? {});
  const isKeyBranch = (branch: unknown, key: string): boolean =>
    JSON.stringify(branch) === JSON.stringify({ type: 'object', required: [key], properties: { [key]: { not: { type: 'null' } } } });
  const isNoneBranch = keys.every((key) => JSON.stringify(none.properties?.[key]) === '{"type":"null"}');
  if (!isNoneBranch || keys.length !== branches.length - 1 || !keys.every((key, i) => isKeyBranch(branches[i], key))) return undefined;
  return keys;
}

/** The pattern of `{ pattern }` or `{ type: 'string', pattern }` (a `not` that only strings can fail). */
function notStringPattern(not: unknown): string | undefined {
  if (not === null || typeof not !== 'object') return undefined;
  const { type, pattern, ...rest } = not as Record<string, unknown>;
  if (typeof pattern !== 'string' || Object.keys(rest).length > 0 || (type !== undefined && type !== 'string')) return undefined;
  return pattern;
}

/** "At most one of these keys is set (present and not null)": what a proto oneof allows. */
const AT_MOST_ONE_SET = {
  keyword: 'atMostOneSet',
  type: 'object',
  schemaType: 'array',
  code(cxt: KeywordCxt) {
    const { gen, data } = cxt;
    const set = gen.let('set', 0);
    for (const key of cxt.schema as string[]) {
      gen.if(_`${data}[${key}] !== undefined && ${data}[${key}] !== null`, () => gen.assign(set, _`${set} + 1`));
    }
    cxt.fail(_`${set} > 1`);
  },
} as const;

/**
 * "A string must not match this pattern" (other types pass): `not: { type: 'string', pattern }`.
 * The lone-surrogate rule, on every string of a message, is compiled to `isWellFormed()`, which
 * means the same and costs a third of the regular expression (V8 answers at once for the usual
 * one-byte strings).
 */
const NOT_PATTERN = {
  keyword: 'notPattern',
  type: 'string',
  schemaType: 'string',
  code(cxt: KeywordCxt) {
    const pattern = cxt.schema as string;
    if (pattern === LONE_SURROGATE_PATTERN) cxt.fail(_`!${cxt.data}.isWellFormed()`);
    else cxt.fail(_`${usePattern(cxt, pattern)}.test(${cxt.data})`);
  },
} as const;
