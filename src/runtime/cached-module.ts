import { readFileSync } from 'node:fs';
import module, { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { codeCacheDir, runtimeKey, writeCache } from './code-cache-dir.js';

/** The first line the build gives a module it wants cached: a hash of the module's code. */
const KEY_LINE = /^\/\/ code-cache-key: ([0-9a-f]{8,64})\n/;

/** How long a process runs before it writes the caches it could not use (it also writes them at exit). */
const SAVE_AFTER_MS = 2000;

const unsaved = new Set<() => void>();

/**
 * `NODE_DEBUG=dialogflow-fulfiller` says on stderr, per file, whether its code cache was taken,
 * as `util.debuglog` would; read here because importing node:util into an ES module loads more
 * of it than a start should.
 */
const DEBUG = /(?:^|,)\s*dialogflow-fulfiller\s*(?:,|$)/i.test(process.env.NODE_DEBUG ?? '');

type CompileCacheApi = {
  enableCompileCache?: (directory?: string) => unknown;
  flushCompileCache?: () => void;
};
let nodeCacheOn = false;

/**
 * Loads a CommonJS file as `require` would (with `require` and `module`, and `__import()` for
 * what `import()` does), so that compiling it costs a cold start as little as possible. The
 * build gives the library bundle (dist/lib/fulfiller.cjs) and each dialect's validators
 * (dist/lib/*-validators.cjs) a first line `// code-cache-key: <hash of the code>`: parsing and
 * compiling them is most of what the library adds to a cold start.
 *
 * - Node.js 22 and later: `module.enableCompileCache()` does the job for every module, in
 *   Node's cache directory (NODE_COMPILE_CACHE, else the system's temporary one); the file is
 *   simply required.
 * - With source maps on (`--enable-source-maps`): required too, so that Node.js maps the
 *   library's stack frames to its sources; source maps already cost more than compiling.
 * - Otherwise (Node.js 20), through a V8 code cache per code, Node.js version, CPU and V8 flags
 *   (V8 refuses a cache made under other flags): read from `code-cache/` next to the file, made
 *   by the build and never written at run time, or, when the build made none for these flags,
 *   from the cache directory (see code-cache-dir.ts). A start that finds none there, or has that
 *   one refused, writes one after it has run for a while and at exit, so that it holds what the
 *   validators compiled by then. (A cache of the build that V8 refuses, which its name makes
 *   rare, is compiled around.) ES modules cannot use a code cache on Node.js 20, hence CommonJS.
 */
export function loadCachedModule<T>(file: string): T {
  if (useNodeCompileCache() || sourceMapsEnabled()) return createRequire(file)(file) as T;
  const source = readFileSync(file, 'utf8');
  const key = KEY_LINE.exec(source)?.[1];
  const name = key === undefined ? undefined : `${basename(file, '.cjs')}-${key}-${runtimeKey()}.bin`;
  const shipped = name === undefined ? undefined : readIfThere(join(dirname(file), 'code-cache', name));
  // The cache directory only when the build made no cache for these flags: the usual start looks nowhere else.
  const dir = name === undefined || shipped !== undefined ? undefined : codeCacheDir();
  const cachedData = shipped ?? (dir === undefined || name === undefined ? undefined : readIfThere(join(dir, name)));
  const script = new Script(`(function (exports, require, module, __filename, __dirname, __import) {${source}\n})`, {
    filename: file,
    ...(cachedData === undefined ? {} : { cachedData }),
  });
  const exported = { exports: {} as T };
  (script.runInThisContext() as ModuleWrapper<T>)(exported.exports, createRequire(file), exported, file, dirname(file), importOutside);
  if (DEBUG && name !== undefined) {
    const verdict = cachedData === undefined ? 'none' : script.cachedDataRejected === true ? 'refused' : 'taken';
    process.stderr.write(`DIALOGFLOW-FULFILLER ${process.pid}: code cache of ${basename(file)}: ${verdict}\n`);
  }
  if (name !== undefined && dir !== undefined && (cachedData === undefined || script.cachedDataRejected === true)) {
    whenRunning(() => writeCache(dir, name, () => script.createCachedData()));
  }
  return exported.exports;
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

/** Turns on Node's own compile cache where there is one (22.1 and later); it respects NODE_DISABLE_COMPILE_CACHE. */
function useNodeCompileCache(): boolean {
  const api = module as unknown as CompileCacheApi;
  if (typeof api.enableCompileCache !== 'function') return false;
  if (!nodeCacheOn) {
    nodeCacheOn = true;
    api.enableCompileCache();
    // Node writes its cache at exit; a server stopped by SIGKILL would never get there.
    if (typeof api.flushCompileCache === 'function') setTimeout(() => api.flushCompileCache?.(), SAVE_AFTER_MS).unref();
  }
  return true;
}

function sourceMapsEnabled(): boolean {
  const enabled = (process as { sourceMapsEnabled?: boolean }).sourceMapsEnabled;
  if (typeof enabled === 'boolean') return enabled;
  return [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((flag) => flag.includes('--enable-source-maps'));
}

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

function readIfThere(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}
