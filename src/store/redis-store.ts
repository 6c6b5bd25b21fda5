import { importModule } from '../runtime/import-module.js';
import type { ConnectionOptions } from 'node:tls';
import type { Redis } from 'ioredis';
import { systemClock, type Clock } from '../base/clock.js';
import { InvalidOptionError, StoreUnavailableError } from '../errors.js';
import type { Logger } from '../logging/logger.js';
import type { Store } from './store.js';
import { StoreBreaker } from './store-breaker.js';

/** Options of `new RedisStore()`. */
export interface RedisStoreOptions {
  /** `redis://[:password@]host[:port][/db]`, or `rediss://` for TLS (Memorystore with in-transit encryption). */
  url: string;
  /** Prefix of every key, so that several apps can share one Redis. Default `fulfiller:`. */
  keyPrefix?: string;
  /** How long one command may take before it fails with ERR_STORE_UNAVAILABLE. Default 1000 ms. */
  commandTimeoutMs?: number;
  /** While Redis is known down, how often one probe asks whether it answers again. Default 1000 ms. */
  probeMs?: number;
  /** TLS settings for a `rediss://` URL, e.g. `{ ca }`: Memorystore's in-transit encryption uses its own CA. */
  tls?: ConnectionOptions;
  /** Where connection problems are reported. */
  logger?: Logger;
  /** Where time comes from for the probes and the log's pace. Default: the system clock. */
  clock?: Clock;
}

/**
 * The store on Redis (ioredis), so that any number of instances share jobs, cached answers and
 * replay protection. ioredis is imported when the first store is made, never at start-up
 * without REDIS_URL. A Redis that is down or frozen costs the commands in flight one
 * `commandTimeoutMs` (coded ERR_STORE_UNAVAILABLE, so the user hears the apology, and a Cache
 * asks the backend); from then on it is known down (a breaker, StoreBreaker) and commands fail
 * at once, until a probe or the reconnection finds it answering again. Commands are sent as
 * they come, never batched behind one another (ioredis's auto-pipelining sends one batch at a
 * time, so each command would wait out the timeouts of those before it).
 *
 *   createFulfiller({ store: new RedisStore({ url: 'redis://10.0.0.3:6379' }) })
 */
export class RedisStore implements Store {
  private readonly client: Promise<Redis>;
  private readonly breaker: StoreBreaker;
  private closing = false;

  constructor(options: RedisStoreOptions) {
    if (!/^rediss?:\/\//.test(options.url)) {
      throw new InvalidOptionError('REDIS_URL must be a redis:// or rediss:// URL, e.g. redis://localhost:6379.');
    }
    const timeout = options.commandTimeoutMs ?? 1000;
    const breaker = new StoreBreaker(options.clock ?? systemClock, options.logger, options.probeMs ?? 1000);
    this.breaker = breaker;
    this.client = importModule<typeof import('ioredis')>('ioredis').then(({ Redis }) => {
      const client = new Redis(options.url, {
        keyPrefix: options.keyPrefix ?? 'fulfiller:',
        commandTimeout: timeout,
        connectTimeout: Math.max(timeout, 2000),
        // One retry after a reconnect, then the command fails: a turn has seconds, not minutes.
        maxRetriesPerRequest: 1,
        // ioredis keeps a timer of this length after dropping a dead connection; it delays exit.
        disconnectTimeout: 200,
        ...(options.tls === undefined ? {} : { tls: options.tls }),
      });
      client.on('ready', () => breaker.answered());
      client.on('close', () => {
        if (!this.closing) breaker.failed(new StoreUnavailableError('connection', 'the connection closed'));
      });
      client.on('error', (error: Error) => {
        if (!this.closing) breaker.failed(error);
      });
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
    this.closing = true;
    let redis: Redis;
    try {
      redis = await this.client;
    } catch {
      return;
    }
    if (redis.status !== 'ready' || this.breaker.down) return void redis.disconnect();
    try {
      await redis.quit();
    } catch {
      redis.disconnect();
    }
  }

  private async run<T>(operation: string, command: (redis: Redis) => Promise<T>): Promise<T> {
    if (this.breaker.down) {
      this.breaker.probe(() => this.client.then((redis) => redis.ping()));
      throw new StoreUnavailableError(operation, undefined, true);
    }
    try {
      const result = await command(await this.client);
      this.breaker.answered();
      return result;
    } catch (cause) {
      // An error Redis sent back (a wrong type, out of memory) is an answer: the store is up.
      if ((cause as { name?: unknown } | null)?.name !== 'ReplyError') this.breaker.failed(cause);
      throw new StoreUnavailableError(operation, cause);
    }
  }
}

/** Redis wants a whole, positive number of milliseconds. */
function ttl(ms: number): number {
  return Math.max(1, Math.ceil(ms));
}
