import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { validateSchema, type SchemaKind } from '../schema/validate.js';
import type { Dialect } from '../base/dialect.js';

const USAGE = 'usage: fulfiller validate <cx|es> <request|response> FILE|DIR...';

/**
 * `fulfiller validate cx response out.json ...`: checks each JSON file (directories: every
 * .json file below) against the schema; prints the failing field paths; exit code 1 if any fails.
 */
export async function validateCommand(args: readonly string[], out: (line: string) => void): Promise<number> {
  const [dialect, kind, ...paths] = args;
  if ((dialect !== 'cx' && dialect !== 'es') || (kind !== 'request' && kind !== 'response') || paths.length === 0) {
    out(USAGE);
    return 2;
  }
  let failures = 0;
  let count = 0;
  for (const file of await expand(paths)) {
    count++;
    const problems = await check(dialect, kind, file);
    if (problems.length === 0) {
      out(`ok      ${file}`);
    } else {
      failures++;
      out(`invalid ${file}`);
      for (const problem of problems) out(`    ${problem}`);
    }
  }
  out(`${count - failures} of ${count} valid as ${dialect.toUpperCase()} ${kind === 'request' ? 'WebhookRequest' : 'WebhookResponse'}`);
  return failures === 0 ? 0 : 1;
}

async function check(dialect: Dialect, kind: SchemaKind, file: string): Promise<string[]> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    return [`(file) ${error instanceof Error ? error.message : String(error)}`];
  }
  const result = validateSchema(dialect, kind, data);
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
