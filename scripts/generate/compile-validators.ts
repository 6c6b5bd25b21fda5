import { _, Ajv2020, type KeywordCxt } from 'ajv/dist/2020.js';
import { usePattern } from 'ajv/dist/vocabularies/code.js';
import standalone from 'ajv/dist/standalone/index.js';
import type { JsonSchema } from './model-to-schema.js';

/** A schema to compile, and the name its validate function is exported under. */
export interface ValidatorTarget {
  exportName: string;
  schema: JsonSchema;
}

const TYPES = `/** A precompiled validator: true when \`data\` matches; otherwise \`errors\` ends with the cause. */
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
`;

/**
 * Precompiles the schemas into one ES module with ajv's standalone code generator, so the
 * runtime needs neither ajv nor schema compilation. Validation stops at the first error
 * (allErrors off): it runs on every webhook call and the valid path must stay fast.
 */
export function compileValidators(targets: readonly ValidatorTarget[], header: string): string {
  const ajv = new Ajv2020({
    code: { source: true, esm: true, lines: true },
    allErrors: false,
    messages: false,
    strict: true,
    allowUnionTypes: true,
    inlineRefs: false, // one function per definition: a sixth less code than inlining, no slower
  });
  ajv.addKeyword(AT_MOST_ONE_SET);
  ajv.addKeyword(NOT_PATTERN);
  for (const target of targets) {
    const schema = compact(target.schema);
    // Every oneOf comes from a proto oneof; one left over means oneofRule changed shape.
    if (JSON.stringify(schema).includes('"oneOf"')) throw new Error(`a oneOf in ${target.exportName} was not recognised as a proto oneof: update oneofKeys()`);
    ajv.addSchema(schema as JsonSchema, target.exportName);
  }
  const code = standalone.default(ajv, Object.fromEntries(targets.map((t) => [t.exportName, t.exportName])));

  const runtimeImport = /\brequire\(|^\s*import\b/m.exec(code);
  if (runtimeImport) throw new Error(`ajv standalone code imports a runtime helper (${runtimeImport[0]}); change the schemas or options`);
  let typed = 0;
  const body = code.replace(/^export const (\w+) = (validate\d+);$/gm, (_line, name: string, fn: string) => {
    typed++;
    return `export const ${name}: SchemaValidator = ${fn};`;
  });
  if (typed !== targets.length) throw new Error(`expected ${targets.length} ajv exports, found ${typed}: ajv's output format changed`);
  // ajv emits plain JavaScript, so the file is not type-checked; its exports are typed by TYPES.
  return `${header}// @ts-nocheck\n${body.trimEnd()}\n\n${TYPES}`;
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

/** "A string must not match this pattern" (other types pass): `not: { type: 'string', pattern }`. */
const NOT_PATTERN = {
  keyword: 'notPattern',
  type: 'string',
  schemaType: 'string',
  code(cxt: KeywordCxt) {
    cxt.fail(_`${usePattern(cxt, cxt.schema as string)}.test(${cxt.data})`);
  },
} as const;
