import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SchemaKind } from '../../src/schema/validate.js';
import type { Dialect } from '../../src/base/dialect.js';

/**
 * One accept/reject case for the webhook schemas, from test/schema/cases/*.json. The same
 * cases drive the unit tests and scripts/conformance/schemas.ts, which also asks Google's
 * parser: `oracle` records where that parser knowingly differs (with `why`), e.g. a Python
 * leniency we do not copy.
 */
export interface SchemaCase {
  name: string;
  dialect: Dialect;
  kind: SchemaKind;
  valid: boolean;
  /** The document, or `raw` JSON text when the exact tokens matter (2.0, duplicate keys). */
  data?: unknown;
  raw?: string;
  /** For invalid cases: the issue's path and a fragment of its message. */
  path?: string;
  message?: string;
  oracle?: 'accepts' | 'rejects';
  why?: string;
}

interface CaseFile {
  dialect: Dialect;
  kind: SchemaKind;
  cases: Omit<SchemaCase, 'dialect' | 'kind'>[];
}

export const casesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cases');

export function loadSchemaCases(): SchemaCase[] {
  return readdirSync(casesDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .flatMap((file) => {
      const { dialect, kind, cases } = JSON.parse(readFileSync(path.join(casesDir, file), 'utf8')) as CaseFile;
      return cases.map((c) => ({ ...c, dialect, kind }));
    });
}

/** The JSON text of a case, as sent over the wire. */
export function caseText(schemaCase: SchemaCase): string {
  return schemaCase.raw ?? JSON.stringify(schemaCase.data);
}

/** The parsed document, as the validators see it. */
export function caseData(schemaCase: SchemaCase): unknown {
  return schemaCase.raw !== undefined ? JSON.parse(schemaCase.raw) : schemaCase.data;
}
