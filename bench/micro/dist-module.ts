/**
 * Loads a compiled module from dist/src (what ships, built by `npm run bench` first), typed by
 * its source: `await distModule<typeof import('../../src/index.js')>('index.js')`.
 */
export function distModule<T>(path: string): Promise<T> {
  return import(new URL(`../../dist/src/${path}`, import.meta.url).href) as Promise<T>;
}
