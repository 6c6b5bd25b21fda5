import { importModule } from '../runtime/import-module.js';
import type { ConnectionOptions } from 'node:tls';
import type { Redis } from 'ioredis';
import { InvalidOptionError, StoreUnavailableError } from '../errors.js';
import type { Logger } from '../logging/logger.js';
import type { Store } from './store.js';

/** Options of `new RedisStore()`. */
export interface RedisStoreOptions {
  /** `redis://[:password@]host[:port][/db]`, or `rediss://` for TLS (Memorystore with in-transit encryption). */
  url: string;
  /** Prefix of every key, so that several apps can share one Redis. Default `fulfiller:`. */
  keyPrefix?: string;
  /** How long one command may take before it fails with ERR_STORE_UNAVAILABLE. Default 1000 ms. */
  commandTimeoutMs?: number;
  /** TLS settings for a `rediss://` URL, e.g. `{ ca }`: Memorystore's in-transit encryption uses its own CA. */
  tls?: ConnectionOptions;
  /** Where connection problems are reported. */
  logger?: Logger;
}

const ERROR_LOG_INTERVAL_MS = 10_000;

/**
 * The store on Redis (ioredis), so that any number of instances share jobs, cached answers and
 * replay protection. ioredis is imported when the first store is made, never at start-up
 * without REDIS_URL. A Redis that is down fails commands within `commandTimeoutMs` (coded
 * ERR_STORE_UNAVAILABLE, so the user hears the apology) instead of holding turns until their deadline.
 *
 *   createFulfiller({ store: new RedisStore({ url: 'redis://10.0.0.3:6379' }) })
 */
export class RedisStore implements Store {
  private readonly client: Promise<Redis>;
  private lastErrorLog = -Infinity;

  constructor(options: RedisStoreOptions) {
    if (!/^rediss?:\/\//.test(options.url)) {
      throw new InvalidOptionError('REDIS_URL must be a redis:// or rediss:// URL, e.g. redis://localhost:6379.');
    }
    const timeout = options.commandTimeoutMs ?? 1000;
    this.client = importModule<typeof import('ioredis')>('ioredis').then(({ Redis }) => {
      const client = new Redis(options.url, {
        keyPrefix: options.keyPrefix ?? 'fulfiller:',
        commandTimeout: timeout,
        connectTimeout: Math.max(timeout, 2000),
        // One retry after a reconnect, then the command fails: a turn has seconds, not minutes.
        maxRetriesPerRequest: 1,
        enableAutoPipelining: true,
        // ioredis keeps a timer of this length after dropping a dead connection; it delays exit.
        disconnectTimeout: 200,
        ...(options.tls === undefined ? {} : { tls: options.tls }),
      });
      client.on('error', (error: Error) => this.report(options.logger, error));
      return client;
    });
    this.client.catch(() => {}); // surfaced by the first command instead
  }

  get(key: string): Promise<string | undefined> {
    return this.run('get', async (redis) => (await redis.get(key)) ?? undefined);
  }

  set(key: string, value: string, ttlMs: number): Promise<void> {
    return this.run('set', async (redis) => void (await redis.set(key, value, 'PX', ttl(ttlMs))));
  }

  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    return this.run('setIfAbsent', async (redis) => (await redis.set(key, value, 'PX', ttl(ttlMs), 'NX')) === 'OK');
  }

  delete(key: string): Promise<void> {
    return this.run('delete', async (redis) => void (await redis.del(key)));
  }

  /** Sends QUIT when connected (pending replies arrive first); otherwise just drops the connection. */
  async close(): Promise<void> {
    let redis: Redis;
    try {
      redis = await this.client;
    } catch {
      return;
    }
    if (redis.status !== 'ready') return void redis.disconnect();
    try {
      await redis.quit();
    } catch {
      redis.disconnect();
    }
  }

  private async run<T>(operation: string, command: (redis: Redis) => Promise<T>): Promise<T> {
    try {
      return await command(await this.client);
    } catch (cause) {
      throw new StoreUnavailableError(operation, cause);
    }
  }

  // ioredis reports every failed reconnect; one line per interval is enough to see the outage.
  private report(logger: Logger | undefined, error: Error): void {
    const now = Date.now();
    if (logger === undefined || now - this.lastErrorLog < ERROR_LOG_INTERVAL_MS) return;
    this.lastErrorLog = now;
    logger.warn({ err: { type: error.name, message: error.message } }, 'Redis connection problem: store commands fail until it is back');
  }
}

/** Redis wants a whole, positive number of milliseconds. */
function ttl(ms: number): number {
  return Math.max(1, Math.ceil(ms));
}
