import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidOptionError, StoreUnavailableError } from '../../src/index.js';
import { makeCa, makeCert } from '../support/certificates.js';
import { RedisStore } from '../../src/store/redis-store.js';
import { MemoryLogger } from '../../src/logging/memory-logger.js';
import { eventually } from '../support/timing.js';
import { describeWithRedis, startRedis, type RedisServer } from './redis-server.js';

// Expiry is Redis's own, on real time: long enough for a set and a get on a machine ten times
// slower than a quiet one, then the test polls until it has passed.
const TTL_MS = 300;

describe('RedisStore options', () => {
  it('refuses a URL that is not redis:// or rediss://', () => {
    expect(() => new RedisStore({ url: 'http://localhost:6379' })).toThrow(InvalidOptionError);
    expect(() => new RedisStore({ url: 'localhost:6379' })).toThrow(/REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/);
  });
});

describeWithRedis('RedisStore on a real redis-server', () => {
  let redis: RedisServer;
  const stores: RedisStore[] = [];
  const open = (options: { keyPrefix?: string } = {}): RedisStore => {
    const store = new RedisStore({ url: redis.url, ...options });
    stores.push(store);
    return store;
  };

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    await redis.stop();
  });

  it('gets what was set until it expires', async () => {
    const store = open();
    await store.set('a', 'one', TTL_MS);
    expect(await store.get('a')).toBe('one');
    expect(await eventually('a expires', async () => ((await store.get('a')) === undefined ? 'expired' : undefined))).toBe('expired');
  });

  it('setIfAbsent sets once, then again after expiry', async () => {
    const store = open();
    expect(await store.setIfAbsent('id', 'x', TTL_MS)).toBe(true);
    expect(await store.setIfAbsent('id', 'y', TTL_MS)).toBe(false);
    expect(await store.get('id')).toBe('x');
    expect(await eventually('id expires', async () => ((await store.setIfAbsent('id', 'z', 60_000)) ? true : undefined))).toBe(true);
    expect(await store.get('id')).toBe('z');
  });

  it('deletes', async () => {
    const store = open();
    await store.set('gone', '1', 10_000);
    await store.delete('gone');
    expect(await store.get('gone')).toBeUndefined();
  });

  it('is shared by every connection with the same prefix, and only by those', async () => {
    const [first, second, other] = [open(), open(), open({ keyPrefix: 'other-app:' })];
    await first.set('shared', 'from the first instance', 10_000);
    expect(await second.get('shared')).toBe('from the first instance');
    expect(await other.get('shared')).toBeUndefined();
    expect(await second.setIfAbsent('shared', 'again', 10_000)).toBe(false);
  });

  it('a Redis that went away fails commands quickly with ERR_STORE_UNAVAILABLE, and close() still returns', async () => {
    const lonely = await startRedis();
    const logger = new MemoryLogger();
    const store = new RedisStore({ url: lonely.url, commandTimeoutMs: 200, logger });
    await store.set('k', 'v', 10_000);
    await lonely.stop();
    const error = await store.get('k').then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as StoreUnavailableError).code).toBe('ERR_STORE_UNAVAILABLE');
    // Quickly: the store's own limits ended the command (one retry after a reconnect, or
    // commandTimeoutMs), or the store already knew Redis was gone (its connection closed) and
    // refused at once; never a turn's deadline or a queue waiting for Redis to come back.
    const { message, cause } = error as StoreUnavailableError;
    expect(message.includes('is known to be down') || /max retries per request|Command timed out/.test(String(cause))).toBe(true);
    await eventually('the outage is logged', () => logger.records.find((r) => r.message.startsWith('Redis connection problem')));
    expect(logger.records.filter((r) => r.message.startsWith('Redis connection problem'))).toHaveLength(1); // not one per reconnect
    await store.close();
  });

  it('speaks TLS to a rediss:// URL, trusting the CA it is given (Memorystore in-transit encryption)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redis-tls-'));
    const ca = makeCa('Test Redis CA');
    const server = makeCert('redis', ca, { server: true });
    const files = { certFile: join(dir, 'cert.pem'), keyFile: join(dir, 'key.pem'), caFile: join(dir, 'ca.pem') };
    writeFileSync(files.certFile, server.cert);
    writeFileSync(files.keyFile, server.key);
    writeFileSync(files.caFile, ca.cert);
    const secure = await startRedis(files);
    const trusting = new RedisStore({ url: secure.url, tls: { ca: ca.cert } });
    const untrusting = new RedisStore({ url: secure.url, commandTimeoutMs: 300 });
    try {
      expect(secure.url).toMatch(/^rediss:/);
      await trusting.set('k', 'over TLS', 10_000);
      expect(await trusting.get('k')).toBe('over TLS');
      await expect(untrusting.get('k')).rejects.toBeInstanceOf(StoreUnavailableError);
    } finally {
      await Promise.all([trusting.close(), untrusting.close()]);
      await secure.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
