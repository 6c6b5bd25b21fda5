import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as library from '../src/index.js';

/**
 * The error table of docs/errors.md and the error classes are one list: every class appears
 * with its code, and every row names a class that exists with that code. And library code
 * throws only coded errors: no plain Error, TypeError or RangeError escapes to a user.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function classesInSource(): Map<string, string> {
  const source = readFileSync(path.join(root, 'src/errors.ts'), 'utf8');
  const classes = new Map<string, string>();
  // One class at a time: a class whose code is the caller's (EndpointError) has no literal code to find.
  for (const block of source.split(/(?=export class )/)) {
    const match = /^export class (\w+) extends FulfillerError \{[\s\S]*?super\(\s*'(ERR_\w+)'/.exec(block);
    if (match !== null) classes.set(match[1]!, match[2]!);
  }
  return classes;
}

function rowsInDocs(): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of readFileSync(path.join(root, 'docs/errors.md'), 'utf8').split('\n')) {
    const match = /^\| `(ERR_\w+)` \| `(\w+)` \|/.exec(line);
    if (match !== null) rows.set(match[2]!, match[1]!);
  }
  return rows;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('error codes', () => {
  it('every error class is in the table of docs/errors.md with its code, and every row has its class', () => {
    const classes = classesInSource();
    expect(classes.size).toBeGreaterThan(30);
    expect(Object.fromEntries(rowsInDocs())).toEqual(Object.fromEntries(classes));
  });

  it("EndpointError, whose code is the handler's, has its row too", () => {
    expect(readFileSync(path.join(root, 'docs/errors.md'), 'utf8')).toMatch(/^\| `ERR_HTTP_<status>`, or your code \| `EndpointError` \|/m);
  });

  it('every error class is exported, a FulfillerError, with the code the table says', () => {
    for (const [name] of classesInSource()) {
      const exported = (library as Record<string, unknown>)[name];
      expect(typeof exported).toBe('function');
      expect((exported as { prototype: unknown }).prototype).toBeInstanceOf(library.FulfillerError);
    }
  });

  it('library code throws no plain Error, TypeError or RangeError', () => {
    const plain = /\bnew (?:Error|TypeError|RangeError|SyntaxError)\(/;
    const found = sourceFiles(path.join(root, 'src')).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => [line, i + 1] as const)
        .filter(([line]) => plain.test(line) && !line.trimStart().startsWith('*') && !line.trimStart().startsWith('//'))
        .map(([line, n]) => `${path.relative(root, file)}:${n}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });
});
