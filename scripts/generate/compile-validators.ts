import { Ajv2020 } from 'ajv/dist/2020.js';
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
  for (const target of targets) ajv.addSchema(withoutAnnotations(target.schema) as JsonSchema, target.exportName);
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
 * The schema minus its annotation keywords. ajv copies schema objects into the generated
 * code where error parameters point at them, so descriptions would only add size.
 */
function withoutAnnotations(schema: unknown, parentKeyword = ''): unknown {
  if (Array.isArray(schema)) return schema.map((item) => withoutAnnotations(item));
  if (schema === null || typeof schema !== 'object') return schema;
  // Under `properties` and `$defs` the keys are names, not keywords: a field may be called "title".
  const keysAreNames = parentKeyword === 'properties' || parentKeyword === '$defs';
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key]) => keysAreNames || !ANNOTATIONS.has(key))
      .map(([key, value]) => [key, withoutAnnotations(value, keysAreNames ? '' : key)]),
  );
}
