import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApiVersion } from '../schema/schema-api.js';
import type { Dialect } from '../base/dialect.js';
import { validateSchema, type SchemaKind } from '../schema/validate.js';

const USAGE = 'usage: fulfiller validate <cx|es|cx3beta1|es2beta1> <request|response> FILE|DIR...';

/** The first argument: a dialect at its GA version, or at a beta one (named as the pbjson oracle names them). */
const SCHEMAS: Readonly<Record<string, { dialect: Dialect; version?: ApiVersion; label: string }>> = {
  cx: { dialect: 'cx', label: 'CX' },
  es: { dialect: 'es', label: 'ES' },
  cx3beta1: { dialect: 'cx', version: 'v3beta1', label: 'CX v3beta1' },
  es2beta1: { dialect: 'es', version: 'v2beta1', label: 'ES v2beta1' },
};

/**
 * `fulfiller validate cx response out.json ...`: checks each JSON file (directories: every
 * .json file below) against the schema; prints the failing field paths; exit code 1 if any fails.
 */
export async function validateCommand(args: readonly string[], out: (line: string) => void): Promise<number> {
  const [name = '', kind, ...paths] = args;
  const schema = Object.hasOwn(SCHEMAS, name) ? SCHEMAS[name] : undefined;
  if (schema === undefined || (kind !== 'request' && kind !== 'response') || paths.length === 0) {
    out(USAGE);
    return 2;
  }
  let failures = 0;
  let count = 0;
  for (const file of await expand(paths)) {
    count++;
    const problems = await check(schema, kind, file);
    if (problems.length === 0) {
      out(`ok      ${file}`);
    } else {
      failures++;
      out(`invalid ${file}`);
      for (const problem of problems) out(`    ${problem}`);
    }
  }
  out(`${count - failures} of ${count} valid as ${schema.label} ${kind === 'request' ? 'WebhookRequest' : 'WebhookResponse'}`);
  return failures === 0 ? 0 : 1;
}

async function check(schema: { dialect: Dialect; version?: ApiVersion }, kind: SchemaKind, file: string): Promise<string[]> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    return [`(file) ${error instanceof Error ? error.message : String(error)}`];
  }
  const result = validateSchema(schema.dialect, kind, data, schema.version === undefined ? {} : { version: schema.version });
  return result.ok ? [] : result.issues.map((issue) => `${issue.path === '' ? '(root)' : issue.path}: ${issue.message}`);
}

async function expand(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) {
      const entries = await readdir(path, { recursive: true });
      files.push(
        ...entries
          .filter((e) => e.endsWith('.json'))
          .sort()
          .map((e) => join(path, e)),
      );
    } else {
      files.push(path); // a missing file is reported by check()
    }
  }
  return files;
}
