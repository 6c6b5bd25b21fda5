import { setTimeout as sleep } from 'node:timers/promises';
import { Cache, MemoryLogger, RedisStore, StoreUnavailableError, type Fulfiller, type Store } from '../../src/index.js';
import { testApp } from '../support/app.js';
import { cxRequest } from '../../src/testing/index.js';
import { textsOf, validResponse } from '../support/responses.js';
import { describeWithRedis, startRedis, type RedisServer } from '../store/redis-server.js';

const APOLOGY = 'Sorry, the system is currently unavailable. Please try again later.';
const TIMEOUT = 'This is taking longer than usual. Please ask me again in a moment.';
const WAVES = 4;
const PER_WAVE = 10;

/** A store that tells how each command ended: answered, waited for Redis in vain, or refused at once because Redis is known to be down. */
class WatchedStore implements Store {
  readonly outcomes: ('answered' | 'waited' | 'skipped')[] = [];
  readonly events: string[] = [];
  constructor(private readonly inner: RedisStore) {}
  get(key: string) {
    return this.watch(this.inner.get(key));
  }
  set(key: string, value: string, ttlMs: number) {
    this.events.push(`set ${key}`);
    return this.watch(this.inner.set(key, value, ttlMs)).finally(() => this.events.push(`set ${key} settled`));
  }
  setIfAbsent(key: string, value: string, ttlMs: number) {
    return this.watch(this.inner.setIfAbsent(key, value, ttlMs));
  }
  delete(key: string) {
    return this.watch(this.inner.delete(key));
  }
  close() {
    return this.inner.close();
  }
  reset(): void {
    this.outcomes.length = 0;
  }
  private watch<T>(work: Promise<T>): Promise<T> {
    return work.then(
      (value) => {
        this.outcomes.push('answered');
        return value;
      },
      (error: unknown) => {
        this.outcomes.push(error instanceof StoreUnavailableError && /known to be down/.test(error.message) ? 'skipped' : 'waited');
        throw error;
      },
    );
  }
}

interface Rig {
  app: Fulfiller;
  store: WatchedStore;
  logger: MemoryLogger;
  backend: { calls: number; during?: () => void };
  say(tag: string, key?: string): Promise<string>;
}

function rig(redis: RedisServer): Rig {
  const logger = new MemoryLogger();
  const store = new WatchedStore(new RedisStore({ url: redis.url, keyPrefix: 'outage:', commandTimeoutMs: 500, logger }));
  const { app } = testApp({ store, deadlineMs: 4000, logger });
  const backend: Rig['backend'] = { calls: 0 };
  const cache = new Cache({ store, name: 'rates', ttlMs: 60_000, logger });
  app.tag('rate', async (turn) => {
    const rate = await cache.get(turn.params.string('key') ?? 'hot', async () => {
      backend.calls++;
      backend.during?.();
      return 'rate from the backend';
    });
    store.events.push('answered');
    turn.say(rate);
  });
  app.tag('job.check', async (turn) => void turn.say((await app.jobs.get(turn, 'report'))?.status ?? 'no job'));
  app.onClose(() => store.close());
  const say = async (tag: string, key?: string): Promise<string> =>
    textsOf(validResponse('cx', await app.handle((key === undefined ? cxRequest(tag) : cxRequest(tag).params({ key })).build()))).join(' ');
  return { app, store, logger, backend, say };
}

/** Cached calls in waves of concurrent ones, each of its own key (no single-flight sharing): every answer. */
async function load(r: Rig, prefix: string): Promise<string[]> {
  const answers: string[] = [];
  for (let wave = 0; wave < WAVES; wave++) {
    answers.push(...(await Promise.all(Array.from({ length: PER_WAVE }, (_, i) => r.say('rate', `${prefix}-${wave}-${i}`)))));
  }
  return answers;
}

/** Calls until the store answers again (the breaker probes on its own schedule); gives up after a long while. */
async function untilAnswered(r: Rig): Promise<void> {
  for (let i = 0; i < 600; i++) {
    r.store.reset();
    await r.say('rate', 'probe');
    if (r.store.outcomes.includes('answered')) return;
    await sleep(50);
  }
  throw new Error('the store never answered again');
}

describeWithRedis('Redis lost or frozen under load (field report 2)', () => {
  const running: RedisServer[] = [];
  const rigs: Rig[] = [];
  afterAll(async () => {
    await Promise.all(rigs.map((r) => r.app.close({ graceMs: 100 })));
    await Promise.all(running.map((redis) => redis.stop()));
  });

  it('frozen (SIGSTOP): one short timeout for the calls in flight, then skipped; every call answered by the backend; back without a restart', async () => {
    const redis = await startRedis();
    running.push(redis);
    const r = rig(redis);
    rigs.push(r);
    expect(await r.say('rate')).toBe('rate from the backend');
    expect(await r.say('rate')).toBe('rate from the backend');
    expect(r.backend.calls).toBe(1); // the second came from Redis

    redis.pause();
    r.store.reset();
    const answers = await load(r, 'frozen');
    expect(answers).toEqual(Array(WAVES * PER_WAVE).fill('rate from the backend')); // never the timeout message
    expect(answers).not.toContain(TIMEOUT);
    const waited = r.store.outcomes.filter((outcome) => outcome === 'waited').length;
    expect(waited).toBeGreaterThan(0);
    expect(waited).toBeLessThanOrEqual(PER_WAVE); // the first wave's reads, at most: no command waited behind another's timeout
    expect(r.store.outcomes.filter((outcome) => outcome === 'skipped').length).toBeGreaterThanOrEqual((WAVES - 1) * PER_WAVE);
    expect(await r.say('job.check')).toBe(APOLOGY); // a job's state cannot be read: the apology, at once

    redis.resume();
    await untilAnswered(r);
    const before = r.backend.calls;
    expect(await r.say('rate', 'after')).toBe('rate from the backend');
    expect(await r.say('rate', 'after')).toBe('rate from the backend');
    expect(r.backend.calls).toBe(before + 1); // cached in Redis again
    const warnings = r.logger.records.filter((record) => record.level === 'warn').map((record) => record.message);
    expect(warnings.filter((message) => message.startsWith('Redis connection problem'))).toHaveLength(1);
    expect(warnings.filter((message) => message.startsWith('cache read failed')).length).toBeLessThanOrEqual(1); // not one per call
    expect(r.logger.records.map((record) => record.message)).toContain('Redis answers again: store commands go through');
  }, 60_000);

  it('the cache answers without waiting for its write to a Redis that froze meanwhile', async () => {
    const redis = await startRedis();
    running.push(redis);
    const r = rig(redis);
    rigs.push(r);
    r.backend.during = () => redis.pause(); // Redis answered the read, then froze before the write
    expect(await r.say('rate', 'write')).toBe('rate from the backend');
    expect(r.store.events).toEqual(['set cache:rates:write', 'answered']); // the write still waits for Redis
    r.backend.during = undefined;
    redis.resume();
    await untilAnswered(r);
    expect(r.store.events.indexOf('set cache:rates:write settled')).toBeGreaterThan(r.store.events.indexOf('answered'));
  }, 60_000);

  it('killed: calls go straight to the backend, and Redis is used again once it is back on its port', async () => {
    const redis = await startRedis();
    const r = rig(redis);
    rigs.push(r);
    expect(await r.say('rate')).toBe('rate from the backend');

    await redis.kill();
    r.store.reset();
    expect(await load(r, 'killed')).toEqual(Array(WAVES * PER_WAVE).fill('rate from the backend'));
    expect(r.store.outcomes.filter((outcome) => outcome === 'waited').length).toBeLessThanOrEqual(PER_WAVE);
    expect(await r.say('job.check')).toBe(APOLOGY);

    const back = await startRedis(undefined, redis.port);
    running.push(back);
    await untilAnswered(r);
    const before = r.backend.calls;
    await r.say('rate', 'again');
    await r.say('rate', 'again');
    expect(r.backend.calls).toBe(before + 1);
  }, 60_000);
});
