import type { Logger } from '../logging/logger.js';
import { traced } from '../telemetry/tracing.js';
import type { Store } from '../store/store.js';
import { CircuitBreaker, type CircuitBreakerOptions } from './circuit-breaker.js';
import { SingleFlight } from './single-flight.js';

/** Options of `new Cache()`. */
export interface CacheOptions {
  /** Where answers are kept: usually `app.options.store`, so that instances sharing Redis share the cache. */
  store: Store;
  /** Names the backend in keys, logs, errors and spans, e.g. `orders`. */
  name: string;
  /** How long an answer is reused. */
  ttlMs: number;
  /** The backend's circuit breaker (see CircuitBreakerOptions), or `false` for none. Default: on, with its defaults. */
  breaker?: Omit<CircuitBreakerOptions, 'name' | 'logger'> | false;
  logger?: Logger;
}

/**
 * Answers from a slow backend, reused for `ttlMs`: `get(key, load)` returns the stored answer,
 * or calls `load` once however many turns ask at the same moment (single-flight), through a
 * circuit breaker that fails fast with ERR_CIRCUIT_OPEN while the backend keeps failing.
 * Failures are never cached. A store that does not answer is skipped, not fatal, and the answer
 * is returned without waiting for the store to keep it.
 *
 *   const orders = new Cache({ store: app.options.store, name: 'orders', ttlMs: 30_000 });
 *   const order = await orders.get(`latest:${id}`, (signal) => api.latestOrder(id, { signal }), { signal: turn.signal });
 */
export class Cache {
  readonly name: string;
  /** The backend's breaker, when there is one. */
  readonly breaker: CircuitBreaker | undefined;
  private readonly store: Store;
  private readonly ttlMs: number;
  private readonly logger: Logger | undefined;
  private readonly flights = new SingleFlight<unknown>();
  private storeFailing = false;

  constructor(options: CacheOptions) {
    this.name = options.name;
    this.store = options.store;
    this.ttlMs = options.ttlMs;
    this.logger = options.logger;
    const breaker = options.breaker ?? {};
    this.breaker =
      breaker === false ? undefined : new CircuitBreaker({ ...breaker, name: options.name, ...(options.logger ? { logger: options.logger } : {}) });
  }

  /** The answer for `key`: from the store, or from `load` (once for all concurrent callers). `signal` lets this caller give up early. */
  get<T>(key: string, load: (signal: AbortSignal) => Promise<T>, options: { ttlMs?: number; signal?: AbortSignal } = {}): Promise<T> {
    const flight = (signal: AbortSignal): Promise<T> =>
      traced('fulfiller.cache', { 'fulfiller.backend': this.name }, async (span) => {
        const hit = await this.read<T>(key);
        span.set({ 'fulfiller.cache.hit': hit !== undefined });
        if (hit !== undefined) return hit.value;
        const value = this.breaker === undefined ? await load(signal) : await this.breaker.run(load, signal);
        void this.write(key, value, options.ttlMs ?? this.ttlMs); // the caller has its answer: a slow store must not hold it
        return value;
      });
    return this.flights.run(key, flight, options.signal) as Promise<T>;
  }

  /** Drops the answer for `key`, e.g. after the backend data changed. */
  async delete(key: string): Promise<void> {
    await this.store.delete(this.storeKey(key));
  }

  private async read<T>(key: string): Promise<{ value: T } | undefined> {
    try {
      const text = await this.store.get(this.storeKey(key));
      this.storeFailing = false;
      return text === undefined ? undefined : { value: (JSON.parse(text) as { v: T }).v };
    } catch (error) {
      this.storeFailed(error, 'cache read failed: asking the backend instead, until the store answers again');
      return undefined;
    }
  }

  private async write(key: string, value: unknown, ttlMs: number): Promise<void> {
    try {
      await this.store.set(this.storeKey(key), JSON.stringify({ v: value }), ttlMs);
    } catch (error) {
      this.storeFailed(error, 'cache write failed: answers are used but not kept, until the store answers again');
    }
  }

  /** One line per outage, not one per call: under load a store that is down fails every read. */
  private storeFailed(error: unknown, message: string): void {
    if (this.storeFailing) return;
    this.storeFailing = true;
    this.logger?.warn({ backend: this.name, err: { message: String(error) } }, message);
  }

  private storeKey(key: string): string {
    return `cache:${this.name}:${key}`;
  }
}
