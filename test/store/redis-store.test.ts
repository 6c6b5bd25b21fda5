import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidOptionError, StoreUnavailableError } from '../../src/index.js';
import { makeCa, makeCert } from '../support/certificates.js';
import { RedisStore } from '../../src/store/redis-store.js';
import { MemoryLogger } from '../../src/logging/memory-logger.js';
import { describeWithRedis, startRedis, type RedisServer } from './redis-server.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

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
    await store.set('a', 'one', 80);
    expect(await store.get('a')).toBe('one');
    await sleep(120);
    expect(await store.get('a')).toBeUndefined();
  });

  it('setIfAbsent sets once, then again after expiry', async () => {
    const store = open();
    expect(await store.setIfAbsent('id', 'x', 80)).toBe(true);
    expect(await store.setIfAbsent('id', 'y', 80)).toBe(false);
    expect(await store.get('id')).toBe('x');
    await sleep(120);
    expect(await store.setIfAbsent('id', 'z', 80)).toBe(true);
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
    const started = performance.now();
    const error = await store.get('k').then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as StoreUnavailableError).code).toBe('ERR_STORE_UNAVAILABLE');
    expect(performance.now() - started).toBeLessThan(3000);
    for (let i = 0; i < 50 && !logger.records.some((r) => r.message.startsWith('Redis connection problem')); i++) await sleep(20);
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
