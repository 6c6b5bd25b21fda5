import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import module from 'node:module';
import { join } from 'node:path';
import { loadCachedModule } from '../../src/runtime/cached-module.js';
import { runNodeScript } from '../support/node-script.js';

const CODE = '"use strict";exports.add = function (a, b) { return a + b; };\n';
const KEYED = `// code-cache-key: 0123456789abcdef\n${CODE}`;
const LOADER = join(process.cwd(), 'dist/src/runtime/cached-module.js');
/** Node.js 22 and later compile-cache every module themselves: the loader's own cache is for Node.js 20. */
const NODE_CACHE = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function';
const itOwnCache = NODE_CACHE ? it.skip : it;

/**
 * The V8 code cache of the library (Node.js 20; later versions have module.enableCompileCache).
 * It is read from the package (made at build time) or from a cache directory, and written only
 * to the cache directory (NODE_COMPILE_CACHE, else the system's temporary one), never into the
 * package: a package in node_modules is not the place for files that grow with every set of
 * flags a process runs with. The directory may be missing, read-only or not ours: no harm.
 */
describe('loadCachedModule', () => {
  let dir: string;
  let cacheRoot: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cached-module-'));
    cacheRoot = join(dir, 'cache-root');
  });
  afterEach(() => {
    chmodSync(dir, 0o700);
    rmSync(dir, { recursive: true, force: true });
  });

  /** Loads `file` with the built loader in a fresh node (with `flags`), calls it, and exits as a server would. */
  function loadInChild(file: string, flags: string[] = [], env: Record<string, string> = {}): number {
    const script = `const { loadCachedModule } = await import(${JSON.stringify(LOADER)});
      console.log(loadCachedModule(${JSON.stringify(file)}).add(2, 3));`;
    const run = runNodeScript(script, { flags, env: { NODE_COMPILE_CACHE: cacheRoot, ...env } });
    if (run.status !== 0) throw new Error(run.stderr);
    return Number(run.stdout);
  }

  const ours = (): string => join(cacheRoot, 'dialogflow-fulfiller');
  const cacheFiles = (where: string): string[] => (existsSync(where) ? readdirSync(where).sort() : []);

  function keyedModule(): string {
    const package_ = join(dir, 'package');
    mkdirSync(package_);
    const file = join(package_, 'math.cjs');
    writeFileSync(file, KEYED);
    return file;
  }

  it('loads a CommonJS file as require would', () => {
    const file = join(dir, 'math.cjs');
    writeFileSync(file, CODE);
    expect(loadCachedModule<{ add(a: number, b: number): number }>(file).add(2, 3)).toBe(5);
  });

  itOwnCache('writes its cache into the cache directory, never next to the file, and a later start reads it', () => {
    const file = keyedModule();
    expect(loadInChild(file)).toBe(5);
    expect(readdirSync(join(dir, 'package'))).toEqual(['math.cjs']);
    const [cache] = cacheFiles(ours());
    expect(cache).toMatch(/^math-0123456789abcdef-[0-9a-f]{8}\.bin$/);
    const written = statSync(join(ours(), cache!));
    expect(written.mode & 0o077).toBe(0); // the user's own
    expect(loadInChild(file)).toBe(5);
    // V8 took the cache: nothing was written again (a refused cache would be replaced by a new file).
    expect(cacheFiles(ours())).toEqual([cache]);
    expect(statSync(join(ours(), cache!)).ino).toBe(written.ino);
  });

  itOwnCache('reads a cache the build put next to the file, and writes none', () => {
    const file = keyedModule();
    loadInChild(file);
    mkdirSync(join(dir, 'package', 'code-cache'));
    for (const name of cacheFiles(ours())) renameSync(join(ours(), name), join(dir, 'package', 'code-cache', name));
    chmodSync(join(dir, 'package'), 0o500); // an installed package may be read-only
    expect(loadInChild(file)).toBe(5);
    expect(cacheFiles(ours())).toEqual([]);
  });

  itOwnCache('takes the cache made for a flag on the command line when the flag comes in NODE_OPTIONS', () => {
    const file = keyedModule();
    loadInChild(file, ['--max-semi-space-size=2']);
    const [made] = cacheFiles(ours());
    expect(loadInChild(file, [], { NODE_OPTIONS: '--max-semi-space-size=2' })).toBe(5);
    expect(cacheFiles(ours())).toEqual([made]);
  });

  itOwnCache('keeps the cache directory bounded: the three latest caches of a module', () => {
    const file = keyedModule();
    for (const size of [2, 3, 4, 5, 6]) loadInChild(file, [`--max-semi-space-size=${size}`]);
    expect(cacheFiles(ours()).filter((name) => name.startsWith('math-'))).toHaveLength(3);
  });

  it('works where the cache directory cannot be made, written, or is not private', () => {
    const file = keyedModule();
    writeFileSync(cacheRoot, 'a file where the directory would go');
    expect(loadInChild(file)).toBe(5);
    rmSync(cacheRoot);

    mkdirSync(ours(), { recursive: true });
    chmodSync(ours(), 0o777); // anyone could have put a cache there: it is neither read nor written
    expect(loadInChild(file)).toBe(5);
    expect(cacheFiles(ours())).toEqual([]);

    chmodSync(ours(), 0o500);
    expect(loadInChild(file)).toBe(5);
    expect(loadInChild(file, [], { NODE_DISABLE_COMPILE_CACHE: '1' })).toBe(5);
  });

  itOwnCache("gives the code require, module and an import() from outside, whether it compiled it or took V8's cache", () => {
    const file = join(dir, 'uses.cjs');
    writeFileSync(
      file,
      `// code-cache-key: 0123456789abcdef
      module.exports = { add: (a, b) => require('node:path').join(String(a), String(b)).length, os: () => __import('node:os').then((os) => typeof os.cpus) };`,
    );
    const script = `const { loadCachedModule } = await import(${JSON.stringify(LOADER)});
      const lib = loadCachedModule(${JSON.stringify(file)});
      console.log(JSON.stringify([lib.add(2, 3), await lib.os()]));`;
    for (const run of ['compiles and writes the cache', 'reads the cache']) {
      const { stdout, stderr } = runNodeScript(script, { env: { NODE_COMPILE_CACHE: cacheRoot } });
      expect({ run, stdout: stdout.trim(), stderr }).toEqual({ run, stdout: '[3,"function"]', stderr: '' });
    }
    expect(cacheFiles(ours())).toHaveLength(1);
  });

  it('never caches a file without the key line', () => {
    const plain = join(dir, 'plain.cjs');
    writeFileSync(plain, CODE);
    expect(loadInChild(plain)).toBe(5);
    expect(cacheFiles(ours())).toEqual([]);
  });

  (NODE_CACHE ? it : it.skip)('on Node.js 22 and later, Node caches the file in NODE_COMPILE_CACHE, and nothing is written next to it', () => {
    const file = keyedModule();
    expect(loadInChild(file)).toBe(5);
    expect(readdirSync(join(dir, 'package'))).toEqual(['math.cjs']);
    expect(cacheFiles(ours())).toEqual([]);
    expect(cacheFiles(cacheRoot).length).toBeGreaterThan(0); // Node's own layout, one folder per Node.js version
  });

  it('leaves the job to Node.js where module.enableCompileCache exists (22 and later): require, no cache of its own', () => {
    const file = keyedModule();
    // Node.js 20 has no enableCompileCache: give it one that records its calls, as 22 would take them.
    const script = `import module, { syncBuiltinESMExports } from 'node:module';
      const calls = [];
      module.enableCompileCache = (...args) => (calls.push(args), { status: module.constants?.compileCacheStatus?.ENABLED ?? 1 });
      syncBuiltinESMExports();
      const { loadCachedModule } = await import(${JSON.stringify(LOADER)});
      const lib = loadCachedModule(${JSON.stringify(file)});
      console.log(JSON.stringify({ sum: lib.add(2, 3), calls, required: Object.keys((await import('node:module')).createRequire(import.meta.url).cache).includes(${JSON.stringify(file)}) }));`;
    const run = runNodeScript(script, { env: { NODE_COMPILE_CACHE: cacheRoot } });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ sum: 5, calls: [[]], required: true });
    expect(cacheFiles(ours())).toEqual([]);
  });
});
