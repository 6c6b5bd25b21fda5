import { mkdirSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Caches kept per module (one per code and set of flags): the latest, so that the directory stays small. */
const KEEP_PER_MODULE = 3;

let chosen: { dir: string | undefined } | undefined;

/**
 * Where code caches are written at run time (src/runtime/cached-module.ts), as Node.js 22 does
 * for its own: `dialogflow-fulfiller/` under NODE_COMPILE_CACHE, else under the system's
 * temporary directory; none with NODE_DISABLE_COMPILE_CACHE. Never inside the package. A cache
 * is compiled code that runs in this process, so the directory is used only when it is this
 * user's own and nobody else may write to it; undefined when it cannot be made or is not.
 */
export function codeCacheDir(): string | undefined {
  chosen ??= { dir: choose() };
  return chosen.dir;
}

function choose(): string | undefined {
  const { NODE_COMPILE_CACHE: root, NODE_DISABLE_COMPILE_CACHE: disabled } = process.env;
  if (disabled !== undefined && disabled !== '' && disabled !== '0') return undefined;
  const dir = join(root !== undefined && root !== '' ? root : join(temporaryDir(), 'node-compile-cache'), 'dialogflow-fulfiller');
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const info = statSync(dir);
    const mine = typeof process.getuid !== 'function' || info.uid === process.getuid();
    return info.isDirectory() && mine && (info.mode & 0o022) === 0 ? dir : undefined;
  } catch {
    return undefined; // a file in the way, a read-only disk: starts compile as before
  }
}

/**
 * Writes `name` through a temporary file and a rename, so that a reader never sees half a
 * cache, then keeps only the latest few caches of the same module. Never throws.
 */
export function writeCache(dir: string, name: string, data: () => Buffer): void {
  const temporary = join(dir, `${name}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, data(), { mode: 0o600 });
    renameSync(temporary, join(dir, name));
    prune(dir, name);
  } catch {
    // Not writable after all: starts go on compiling the code themselves.
  }
}

/** Removes all but the KEEP_PER_MODULE newest caches of the module `name` belongs to. */
function prune(dir: string, name: string): void {
  const module = moduleOf(name);
  const caches = readdirSync(dir)
    .filter((entry) => entry.endsWith('.bin') && moduleOf(entry) === module)
    .map((entry) => ({ entry, time: statSync(join(dir, entry)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const { entry } of caches.slice(KEEP_PER_MODULE)) unlinkSync(join(dir, entry));
}

/**
 * The system's temporary directory, as `os.tmpdir()` finds it. Its own few lines because this
 * file is part of the loader every start runs, and node:os would be one more module to load.
 */
function temporaryDir(): string {
  const { TMPDIR, TMP, TEMP, SystemRoot, windir } = process.env;
  if (process.platform === 'win32') return TEMP || TMP || `${SystemRoot || windir || 'C:\\Windows'}\\temp`;
  const dir = TMPDIR || TMP || TEMP || '/tmp';
  return dir.length > 1 && dir.endsWith('/') ? dir.slice(0, -1) : dir;
}

/** `cx-validators-<code key>-<runtime key>.bin` → `cx-validators`. */
function moduleOf(cacheFile: string): string {
  return cacheFile.replace(/-[0-9a-f]+-[0-9a-f]{8}\.bin$/, '');
}

/**
 * Node's version, the CPU and the flags the process runs with, as a short hash. A flag counts
 * the same on the command line and in NODE_OPTIONS, so that the build's caches fit both.
 */
export function runtimeKey(): string {
  const options = (process.env.NODE_OPTIONS ?? '').split(/\s+/).filter((option) => option !== '');
  const text = [process.version, process.arch, ...process.execArgv, ...options].join('\0');
  let hash = 0x811c9dc5; // FNV-1a, 32 bits
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}
