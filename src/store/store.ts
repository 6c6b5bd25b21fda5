/**
 * Where state that outlives a turn is kept: deferred jobs and their results, cached backend
 * answers, the ids of signed requests already seen. In memory by default; Redis when several
 * instances must share it. Values are strings (JSON for structured data); every key expires.
 */
export interface Store {
  /** The value, or undefined when absent or expired. */
  get(key: string): Promise<string | undefined>;
  /** Sets a value that expires after `ttlMs`. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Sets the value only if the key is absent; true when it was set (single-use ids, locks). */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Releases connections. */
  close(): Promise<void>;
}
