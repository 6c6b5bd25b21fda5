/**
 * Set by the loader of the bundled library (src/runtime/cached-module.ts) for the code it runs:
 * an `import()` made outside it. Undefined elsewhere.
 */
declare const __import: ((specifier: string) => Promise<unknown>) | undefined;

/**
 * `import(specifier)` for modules outside the library: optional packages and the user's app
 * module. The bundled library runs as a script compiled through a V8 code cache, where Node.js
 * 20 loses the `import()` callback of a cached script; its loader passes one in instead.
 */
export function importModule<T>(specifier: string): Promise<T> {
  if (typeof __import === 'function') return __import(specifier) as Promise<T>;
  return import(specifier) as Promise<T>;
}
