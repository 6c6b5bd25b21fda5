import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** The first line the build gives a module it wants cached: a hash of the module's code. */
const KEY_LINE = /^\/\/ code-cache-key: ([0-9a-f]{8,64})\n/;

/** How long a process runs before it writes the caches it could not use (it also writes them at exit). */
const SAVE_AFTER_MS = 2000;

const unsaved = new Set<() => void>();

/**
 * Loads a CommonJS file as `require` would (with `require` and `module`, and `__import()` for
 * what `import()` does), through a V8 code cache when the file's first line is
 * `// code-cache-key: <hash of the code>`. The build adds that line to the library bundle
 * (dist/lib/fulfiller.cjs) and to each dialect's validators (dist/lib/*-validators.cjs):
 * parsing and compiling them is most of what the library adds to a cold start, and with the
 * cache V8 reads the compiled bytecode instead. ES modules cannot use a code cache on Node.js 20,
 * hence CommonJS.
 *
 * The cache lives in `code-cache/` next to the file, one per code, Node.js version, CPU and V8
 * flags (V8 refuses a cache made under other flags). A start that finds none, or has it
 * refused, writes one after it has run for a while and at exit, so that it holds what the
 * validators compiled by then. A directory it cannot write (a read-only install) just means no
 * cache. Files without the key line (the sources under src/, in tests) are never cached.
 */
export function loadCachedModule<T>(file: string): T {
  const source = readFileSync(file, 'utf8');
  const key = KEY_LINE.exec(source)?.[1];
  const cacheFile = key === undefined ? undefined : join(dirname(file), 'code-cache', `${basename(file, '.cjs')}-${key}-${runtimeKey()}.bin`);
  const cachedData = cacheFile === undefined ? undefined : readIfThere(cacheFile);
  const script = new Script(`(function (exports, require, module, __filename, __dirname, __import) {${source}\n})`, {
    filename: file,
    ...(cachedData === undefined ? {} : { cachedData }),
  });
  const module = { exports: {} as T };
  (script.runInThisContext() as ModuleWrapper<T>)(module.exports, createRequire(file), module, file, dirname(file), importOutside);
  if (cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected === true)) {
    whenRunning(() => writeAtomically(cacheFile, () => script.createCachedData()));
  }
  return module.exports;
}

type ModuleWrapper<T> = (
  exports: T,
  require: NodeJS.Require,
  module: { exports: T },
  filename: string,
  dirname: string,
  importer: typeof importOutside,
) => void;

/**
 * `import()` for the loaded code (src/runtime/import-module.ts): Node.js 20 drops the `import()`
 * callback of a script compiled from a code cache, so the script gets this one from outside.
 */
const importOutside = (specifier: string): Promise<unknown> => import(specifier);

function whenRunning(save: () => void): void {
  if (unsaved.size === 0) {
    process.once('exit', saveAll);
    setTimeout(saveAll, SAVE_AFTER_MS).unref();
  }
  unsaved.add(save);
}

function saveAll(): void {
  for (const save of unsaved) save();
  unsaved.clear();
}

/** Writes through a temporary file and a rename, so that a reader never sees half a cache; never throws. */
function writeAtomically(file: string, data: () => Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temporary, data());
    renameSync(temporary, file);
  } catch {
    // Not writable here: starts go on compiling the code themselves.
  }
}

function readIfThere(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Node's version, the CPU and the flags the process runs with, as a short hash. */
function runtimeKey(): string {
  const text = [process.version, process.arch, ...process.execArgv, process.env.NODE_OPTIONS ?? ''].join('\0');
  let hash = 0x811c9dc5; // FNV-1a, 32 bits
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}
