import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dialect } from '../../src/base/dialect.js';
import type { ApiVersion, SchemaKind } from '../../src/schema/validate.js';

/**
 * One accept/reject case for the webhook schemas, from test/schema/cases/*.json. The same
 * cases drive the unit tests and scripts/conformance/schemas.ts, which also asks Google's
 * parser: `oracle` records where that parser knowingly differs (with `why`), e.g. a Python
 * leniency we do not copy.
 */
export interface SchemaCase {
  name: string;
  dialect: Dialect;
  /** The API version the case is written for: the file's, or the dialect's GA version. */
  version?: ApiVersion;
  kind: SchemaKind;
  valid: boolean;
  /** The document, or `raw` JSON text when the exact tokens matter (2.0, duplicate keys). */
  data?: unknown;
  raw?: string;
  /** For invalid cases: the issue's path and a fragment of its message. */
  path?: string;
  message?: string;
  /** `output-only` when the first issue is an output-only field rather than an invalid value. */
  issue?: 'output-only';
  oracle?: 'accepts' | 'rejects';
  why?: string;
}

interface CaseFile {
  dialect: Dialect;
  version?: ApiVersion;
  kind: SchemaKind;
  cases: Omit<SchemaCase, 'dialect' | 'version' | 'kind'>[];
}

export const casesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cases');

export function loadSchemaCases(): SchemaCase[] {
  return readdirSync(casesDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .flatMap((file) => {
      const { dialect, version, kind, cases } = JSON.parse(readFileSync(path.join(casesDir, file), 'utf8')) as CaseFile;
      return cases.map((c) => ({ ...c, dialect, ...(version === undefined ? {} : { version }), kind }));
    });
}

/** The JSON text of a case, as sent over the wire. */
export function caseText(schemaCase: SchemaCase): string {
  return schemaCase.raw ?? JSON.stringify(schemaCase.data);
}

/** The options that select the case's API version, for validateSchema. */
export function caseOptions(schemaCase: SchemaCase): { version?: ApiVersion } {
  return schemaCase.version === undefined ? {} : { version: schemaCase.version };
}

/** `cx`, or `cx v3beta1`: how a case's schema is named in test titles and reports. */
export function caseSchema(schemaCase: SchemaCase): string {
  return schemaCase.version === undefined ? schemaCase.dialect : `${schemaCase.dialect} ${schemaCase.version}`;
}

/** The parsed document, as the validators see it. */
export function caseData(schemaCase: SchemaCase): unknown {
  return schemaCase.raw !== undefined ? JSON.parse(schemaCase.raw) : schemaCase.data;
}
