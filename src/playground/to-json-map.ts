import type { Json, JsonMap } from './view.js';

/**
 * Log fields as plain JSON, to cross to the page: errors become their type, message and stack,
 * big integers strings, cycles "[Circular]", functions and undefined are left out.
 */
export function toJsonMap(fields: Record<string, unknown>): JsonMap {
  const seen = new Set<unknown>();
  const walk = (value: unknown): Json | undefined => {
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
    if (typeof value === 'bigint') return value.toString();
    if (typeof value !== 'object') return undefined;
    if (seen.has(value)) return '[Circular]';
    seen.add(value);
    try {
      if (value instanceof Error) return { type: value.name, message: value.message, ...(value.stack === undefined ? {} : { stack: value.stack }) };
      if (Array.isArray(value)) return value.map((item) => walk(item) ?? null);
      const out: JsonMap = {};
      for (const [key, item] of Object.entries(value)) {
        const json = walk(item);
        if (json !== undefined) out[key] = json;
      }
      return out;
    } finally {
      seen.delete(value);
    }
  };
  const json = walk(fields);
  return typeof json === 'object' && json !== null && !Array.isArray(json) ? json : {};
}
