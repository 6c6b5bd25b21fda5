import { fileURLToPath } from 'node:url';
import { InvalidOptionError } from '../errors.js';
import { enumHints, messageHints, rootMessages } from '../generated/schema-hints.js';
import { gaVersions, validatorFiles, type DialectValidators, type SchemaHints } from '../generated/validators.js';
import type { Dialect } from '../base/dialect.js';
import { loadCachedModule } from '../runtime/cached-module.js';

/** An API version of a dialect: `v3` (GA) or `v3beta1` for CX, `v2` (GA) or `v2beta1` for ES. */
export type ApiVersion<D extends Dialect = Dialect> = D extends Dialect ? keyof (typeof validatorFiles)[D] : never;

export interface SchemaOptions<D extends Dialect = Dialect> {
  /** The API version the document is written for; default the GA one (CX `v3`, ES `v2`). */
  version?: ApiVersion<D>;
}

/** What checking a document of one API version needs: its validators, and the hints that explain their errors. */
export interface SchemaApi {
  validators: DialectValidators;
  hints: SchemaHints;
}

/**
 * The GA version of each dialect, once loaded: what nearly every call wants, one property away.
 * Measured shape (tinybench, `validateSchema` of the bench payloads): looking every call up in
 * the maps below cost 20 ns, 8% of validating an ES request.
 */
const ga: Partial<Record<Dialect, SchemaApi>> = {};
/** Every version by dialect and version, loaded on first use. Maps, because both are caller-supplied text. */
const loaded = new Map<string, Map<string, SchemaApi>>();

/**
 * An API version's validators, loaded on first use (hundreds of KB of generated code: a
 * process serving one dialect never loads the other's, one serving the GA versions never
 * loads the beta ones'). The GA versions' hints are bundled; the others' come with their validators.
 */
export function schemaApi(dialect: Dialect, version?: string): SchemaApi {
  if (version === undefined) return ga[dialect] ?? (ga[dialect] = versionApi(dialect, gaVersions[dialect]));
  return versionApi(dialect, version);
}

function versionApi(dialect: Dialect, version: string): SchemaApi {
  const cached = loaded.get(dialect)?.get(version);
  if (cached !== undefined) return cached;
  const api = load(dialect, version);
  if (!loaded.has(dialect)) loaded.set(dialect, new Map());
  loaded.get(dialect)!.set(version, api);
  return api;
}

function load(dialect: Dialect, version: string): SchemaApi {
  if (!Object.hasOwn(validatorFiles, dialect)) {
    throw new InvalidOptionError(`"${String(dialect)}" is not a dialect: use ${Object.keys(validatorFiles).join(' or ')}.`);
  }
  const files: Readonly<Record<string, URL>> = validatorFiles[dialect];
  if (!Object.hasOwn(files, version)) {
    throw new InvalidOptionError(`${dialect} has no API version "${String(version)}": use ${Object.keys(files).join(' or ')}.`);
  }
  const validators = loadCachedModule<DialectValidators>(fileURLToPath(files[version]!));
  return { validators, hints: validators.hints ?? { roots: rootMessages[dialect], messages: messageHints, enums: enumHints } };
}
