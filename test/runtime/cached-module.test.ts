import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCachedModule } from '../../src/runtime/cached-module.js';
import { runNodeScript } from '../support/node-script.js';

const CODE = '"use strict";exports.add = function (a, b) { return a + b; };\n';
const KEYED = `// code-cache-key: 0123456789abcdef\n${CODE}`;

/** Loads `file` with the built loader in a fresh node (with `flags`), calls it, and exits as a server would. */
function loadInChild(file: string, flags: string[] = []): number {
  const loader = join(process.cwd(), 'dist/src/runtime/cached-module.js');
  const script = `const { loadCachedModule } = await import(${JSON.stringify(loader)});
    console.log(loadCachedModule(${JSON.stringify(file)}).add(2, 3));`;
  const run = runNodeScript(script, { flags });
  if (run.status !== 0) throw new Error(run.stderr);
  return Number(run.stdout);
}

const cacheFiles = (dir: string): string[] => readdirSync(join(dir, 'code-cache')).sort();

describe('loadCachedModule', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cached-module-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads a CommonJS file as require would', () => {
    const file = join(dir, 'math.cjs');
    writeFileSync(file, CODE);
    expect(loadCachedModule<{ add(a: number, b: number): number }>(file).add(2, 3)).toBe(5);
  });

  it('writes a code cache at exit, and a later start reads it instead of writing another', () => {
    const file = join(dir, 'math.cjs');
    writeFileSync(file, KEYED);
    expect(loadInChild(file)).toBe(5);
    const [cache] = cacheFiles(dir);
    expect(cache).toMatch(/^math-0123456789abcdef-[0-9a-f]{8}\.bin$/);
    const written = statSync(join(dir, 'code-cache', cache!));
    expect(loadInChild(file)).toBe(5);
    // V8 took the cache: nothing was written again (a refused cache would be replaced by a new file).
    expect(cacheFiles(dir)).toEqual([cache]);
    expect(statSync(join(dir, 'code-cache', cache!)).ino).toBe(written.ino);
  });

  it("gives the code require, module and an import() from outside, whether it compiled it or took V8's cache", () => {
    const file = join(dir, 'uses.cjs');
    writeFileSync(
      file,
      `// code-cache-key: 0123456789abcdef
      module.exports = { add: (a, b) => require('node:path').join(String(a), String(b)).length, os: () => __import('node:os').then((os) => typeof os.cpus) };`,
    );
    const loader = join(process.cwd(), 'dist/src/runtime/cached-module.js');
    const script = `const { loadCachedModule } = await import(${JSON.stringify(loader)});
      const lib = loadCachedModule(${JSON.stringify(file)});
      console.log(JSON.stringify([lib.add(2, 3), await lib.os()]));`;
    for (const run of ['compiles and writes the cache', 'reads the cache']) {
      const { stdout, stderr } = runNodeScript(script);
      expect({ run, stdout: stdout.trim(), stderr }).toEqual({ run, stdout: '[3,"function"]', stderr: '' });
    }
    expect(cacheFiles(dir)).toHaveLength(1);
  });

  it('keeps one cache per code and per V8 flags', () => {
    const file = join(dir, 'math.cjs');
    writeFileSync(file, KEYED);
    loadInChild(file);
    loadInChild(file, ['--max-semi-space-size=2']);
    writeFileSync(file, KEYED.replace('0123456789abcdef', 'fedcba9876543210'));
    loadInChild(file);
    const caches = cacheFiles(dir);
    expect(caches).toHaveLength(3);
    expect(caches.filter((name) => name.includes('0123456789abcdef'))).toHaveLength(2);
  });

  it('never caches a file without the key line, and works where it cannot write', () => {
    const plain = join(dir, 'plain.cjs');
    writeFileSync(plain, CODE);
    expect(loadInChild(plain)).toBe(5);
    expect(readdirSync(dir)).toEqual(['plain.cjs']);

    const keyed = join(dir, 'keyed.cjs');
    writeFileSync(keyed, KEYED);
    writeFileSync(join(dir, 'code-cache'), 'a file where the directory would go');
    expect(loadInChild(keyed)).toBe(5);
  });
});
