import { createRequire } from 'node:module';
import { InvalidArgumentError } from '../errors.js';
import { closestName } from './closest-name.js';
import type { SchemaIssue } from './describe-error.js';
import { appendKey } from './locate.js';

/** A JSON Schema (draft-07), as an endpoint declares its request, response, query or parameters. */
export type JsonSchemaDocument = boolean | Readonly<Record<string, unknown>>;

/** Checks one value; on failure, the first problem with its readable path (`items[0].sku`). */
export type JsonSchemaCheck = (value: unknown) => SchemaIssue | undefined;

/** How a schema checks values. */
export interface JsonSchemaOptions {
  /** Turn strings into the declared types (`"5"` → 5) and single values into lists: query strings and path parameters, which are text. */
  coerce?: boolean;
}

interface AjvError {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
  parentSchema?: Record<string, unknown>;
}
interface AjvValidate {
  (value: unknown): boolean;
  errors?: AjvError[] | null;
}
interface AjvInstance {
  compile(schema: unknown): AjvValidate;
  addVocabulary(keywords: string[]): unknown;
}
type AjvClass = new (options: Record<string, unknown>) => AjvInstance;

const load = createRequire(import.meta.url);
const instances: Partial<Record<'plain' | 'coerce', AjvInstance>> = {};

/**
 * Ajv, loaded on first use: an app without endpoints never loads it (tens of ms of a cold
 * start). Strict about the schema's own keywords, so a misspelt `requird` is an error at
 * registration rather than a check that silently never runs; `example` is allowed for OpenAPI.
 */
function ajv(coerce: boolean): AjvInstance {
  const key = coerce ? 'coerce' : 'plain';
  const existing = instances[key];
  if (existing !== undefined) return existing;
  const Ajv = (load('ajv') as { default: AjvClass }).default;
  const addFormats = (load('ajv-formats') as { default: (ajv: AjvInstance) => void }).default;
  const instance = new Ajv({
    allErrors: false,
    verbose: true,
    strictSchema: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    logger: false,
    ...(coerce ? { coerceTypes: 'array', useDefaults: true } : {}),
  });
  addFormats(instance);
  instance.addVocabulary(['example']);
  instances[key] = instance;
  return instance;
}

/**
 * Compiles a JSON Schema into a check. `where` names the schema in the error thrown for a schema
 * that does not compile (`the request schema of POST /customers/validate`).
 */
export function compileJsonSchema(schema: JsonSchemaDocument, where: string, options: JsonSchemaOptions = {}): JsonSchemaCheck {
  let validate: AjvValidate;
  try {
    validate = ajv(options.coerce === true).compile(schema);
  } catch (error) {
    throw new InvalidArgumentError(`${where} is not a valid JSON Schema: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (value) => (validate(value) ? undefined : describeAjvError(validate.errors?.[0]));
}

/** An ajv error in words, at a readable path: the missing or unknown field is part of the path. */
function describeAjvError(error: AjvError | undefined): SchemaIssue {
  if (error === undefined) return { path: '', message: 'does not match the schema' };
  const path = readablePath(error.instancePath);
  switch (error.keyword) {
    case 'required':
      return { path: appendKey(path, String(error.params['missingProperty'])), message: 'is required' };
    case 'additionalProperties': {
      const key = String(error.params['additionalProperty']);
      const known = Object.keys((error.parentSchema?.['properties'] as Record<string, unknown> | undefined) ?? {});
      const guess = closestName(key, known);
      const hint = guess !== undefined ? `did you mean "${guess}"?` : known.length > 0 ? `expected one of ${known.join(', ')}` : 'no fields are allowed here';
      return { path: appendKey(path, key), message: `unknown field "${key}" (${hint})` };
    }
    case 'enum':
      return { path, message: `must be one of ${(error.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
    default:
      return { path, message: error.message ?? `fails "${error.keyword}"` };
  }
}

/** `/items/0/sku` → `items[0].sku`. */
function readablePath(pointer: string): string {
  if (pointer === '') return '';
  let path = '';
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    path = /^\d+$/.test(segment) ? `${path}[${segment}]` : appendKey(path, segment);
  }
  return path;
}
