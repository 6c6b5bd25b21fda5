import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApiVersion } from '../schema/schema-api.js';
import type { Dialect } from '../base/dialect.js';
import { UnreadableInputError, UsageError } from '../errors.js';
import { validateSchema, type SchemaKind } from '../schema/validate.js';
import { type CliIo, EXIT } from './command.js';

/** The first argument: a dialect at its GA version, or at a beta one (named as the pbjson oracle names them). */
const SCHEMAS: Readonly<Record<string, { dialect: Dialect; version?: ApiVersion; label: string }>> = {
  cx: { dialect: 'cx', label: 'CX' },
  es: { dialect: 'es', label: 'ES' },
  cx3beta1: { dialect: 'cx', version: 'v3beta1', label: 'CX v3beta1' },
  es2beta1: { dialect: 'es', version: 'v2beta1', label: 'ES v2beta1' },
};

/**
 * `fulfiller validate cx response out.json ...`: checks each JSON file (directories: every
 * .json file below) against the schema and prints the failing field paths. Exit code 1 if any
 * is invalid or not JSON; 2 if a path cannot be read (checked before any file is).
 */
export async function validateCommand(args: readonly string[], io: Pick<CliIo, 'out'>): Promise<number> {
  const [name, kind, ...paths] = args;
  if (name === undefined || name.startsWith('-'))
    throw new UsageError(name === undefined ? 'say which schema: cx, es, cx3beta1 or es2beta1' : `unknown option ${name}`);
  const schema = Object.hasOwn(SCHEMAS, name) ? SCHEMAS[name] : undefined;
  if (schema === undefined) throw new UsageError(`"${name}" is not a schema: cx, es, cx3beta1 or es2beta1`);
  if (kind !== 'request' && kind !== 'response')
    throw new UsageError(`the second argument is request or response${kind === undefined ? '' : `, not "${kind}"`}`);
  if (paths.length === 0) throw new UsageError('give at least one JSON file or directory');
  let failures = 0;
  let count = 0;
  for (const file of await expand(paths)) {
    count++;
    const problems = await check(schema, kind, file);
    if (problems.length === 0) {
      io.out(`ok      ${file}`);
    } else {
      failures++;
      io.out(`invalid ${file}`);
      for (const problem of problems) io.out(`    ${problem}`);
    }
  }
  io.out(`${count - failures} of ${count} valid as ${schema.label} ${kind === 'request' ? 'WebhookRequest' : 'WebhookResponse'}`);
  return failures === 0 ? EXIT.ok : EXIT.findings;
}

async function check(schema: { dialect: Dialect; version?: ApiVersion }, kind: SchemaKind, file: string): Promise<string[]> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UnreadableInputError(file, error.code ?? 'unreadable');
  });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return [`(file) not JSON: ${error instanceof Error ? error.message : String(error)}`];
  }
  const result = validateSchema(schema.dialect, kind, data, schema.version === undefined ? {} : { version: schema.version });
  return result.ok ? [] : result.issues.map((issue) => `${issue.path === '' ? '(root)' : issue.path}: ${issue.message}`);
}

async function expand(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
      throw new UnreadableInputError(path, error.code === 'ENOENT' ? 'no such file or directory' : (error.code ?? 'unreadable'));
    });
    if (info.isDirectory()) {
      const entries = await readdir(path, { recursive: true });
      files.push(
        ...entries
          .filter((e) => e.endsWith('.json'))
          .sort()
          .map((e) => join(path, e)),
      );
    } else {
      files.push(path);
    }
  }
  return files;
}
