import { BUILT_IN_MESSAGES, Cache, CircuitOpenError, MemoryLogger, MemoryStore, StoreUnavailableError, type Store } from '../../src/index.js';
import { testApp } from '../support/app.js';
import { fakeClock, cxRequest } from '../../src/testing/index.js';
import { JSON_HEADERS } from '../support/requests.js';
import { textsOf, validResponse } from '../support/responses.js';
import { gate } from '../support/timing.js';

/** A store whose every command fails, as Redis does while it is down. */
const downStore: Store = {
  get: () => Promise.reject(new StoreUnavailableError('get', new Error('ECONNREFUSED'))),
  set: () => Promise.reject(new StoreUnavailableError('set', new Error('ECONNREFUSED'))),
  setIfAbsent: () => Promise.reject(new StoreUnavailableError('setIfAbsent', new Error('ECONNREFUSED'))),
  delete: () => Promise.reject(new StoreUnavailableError('delete', new Error('ECONNREFUSED'))),
  close: async () => {},
};

describe('Cache', () => {
  it('50 concurrent identical calls make one backend call; later calls within the TTL make none', async () => {
    const cache = new Cache({ store: new MemoryStore(), name: 'orders', ttlMs: 60_000 });
    let calls = 0;
    const slow = gate();
    const backend = async (): Promise<{ number: string }> => {
      calls++;
      await slow.work; // answers once all 50 are waiting
      return { number: 'A-1003' };
    };
    const answers = Promise.all(Array.from({ length: 50 }, () => cache.get('latest:12345', backend)));
    await new Promise((resolve) => setImmediate(resolve));
    slow.open();
    expect(await answers).toEqual(Array(50).fill({ number: 'A-1003' }));
    expect(calls).toBe(1);
    expect(await cache.get('latest:12345', backend)).toEqual({ number: 'A-1003' });
    expect(calls).toBe(1);
  });

  it('reuses an answer for ttlMs, then asks the backend again', async () => {
    const clock = fakeClock(0);
    const cache = new Cache({ store: new MemoryStore({ clock }), name: 'orders', ttlMs: 1000 });
    let calls = 0;
    const backend = async (): Promise<number> => ++calls;
    expect(await cache.get('k', backend)).toBe(1);
    await clock.advance(999);
    expect(await cache.get('k', backend)).toBe(1);
    await clock.advance(1);
    expect(await cache.get('k', backend)).toBe(2);
    expect(await cache.get('short', backend, { ttlMs: 10 })).toBe(3);
    await clock.advance(10);
    expect(await cache.get('short', backend)).toBe(4);
    await cache.delete('k');
    expect(await cache.get('k', backend)).toBe(5);
  });

  it('never caches a failure', async () => {
    const cache = new Cache({ store: new MemoryStore(), name: 'orders', ttlMs: 60_000 });
    await expect(cache.get('k', () => Promise.reject(new Error('500')))).rejects.toThrow('500');
    await expect(cache.get('k', async () => 'fine')).resolves.toBe('fine');
  });

  it('fails fast with ERR_CIRCUIT_OPEN after repeated failures, and recovers by itself', async () => {
    const clock = fakeClock(0);
    const cache = new Cache({ store: new MemoryStore(), name: 'orders', ttlMs: 60_000, breaker: { failureThreshold: 2, resetMs: 5000, clock } });
    let calls = 0;
    const down = (): Promise<never> => (calls++, Promise.reject(new Error('500')));
    await expect(cache.get('a', down)).rejects.toThrow('500');
    await expect(cache.get('b', down)).rejects.toThrow('500');
    await expect(cache.get('c', down)).rejects.toBeInstanceOf(CircuitOpenError);
    expect(calls).toBe(2);
    await clock.advance(5000);
    await expect(cache.get('c', async () => 'back')).resolves.toBe('back');
    expect(cache.breaker?.state).toBe('closed');
  });

  it('a store that does not answer is skipped: the backend still answers the turn, and the log says so once', async () => {
    const logger = new MemoryLogger();
    const cache = new Cache({ store: downStore, name: 'orders', ttlMs: 60_000, logger });
    await expect(cache.get('k', async () => 'from the backend')).resolves.toBe('from the backend');
    await expect(cache.get('l', async () => 'from the backend')).resolves.toBe('from the backend');
    await new Promise((resolve) => setImmediate(resolve)); // the writes, which nobody waits for
    expect(logger.records.map((r) => r.message)).toEqual(['cache read failed: asking the backend instead, until the store answers again']);
  });

  it('in a handler: a failing backend gets the apology, fast once the circuit is open', async () => {
    const clock = fakeClock(0);
    const { app } = testApp({ clock, deadlineMs: 2000 });
    const cache = new Cache({ store: app.options.store, name: 'payments', ttlMs: 1000, breaker: { failureThreshold: 3, resetMs: 60_000, clock } });
    let calls = 0;
    app.tag('pay', async (turn) => {
      const status = await cache.get('status', () => (calls++, Promise.reject(new Error('500'))), { signal: turn.signal });
      turn.say(String(status));
    });
    for (let i = 0; i < 5; i++) {
      const result = await app.handle(JSON.stringify(cxRequest('pay').language('ja').build()), JSON_HEADERS);
      expect(textsOf(validResponse('cx', result))).toEqual([BUILT_IN_MESSAGES.ja!.apology]);
      expect(clock.now()).toBe(0); // answered without waiting for the deadline: the clock never moved
    }
    expect(calls).toBe(3);
    expect(cache.breaker?.state).toBe('open');
  });
});
