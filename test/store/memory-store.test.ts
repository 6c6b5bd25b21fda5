import { MemoryStore } from '../../src/store/memory-store.js';
import { fakeClock } from '../../src/testing/index.js';

const clock = (start = 1000) => fakeClock(start);

describe('MemoryStore', () => {
  it('gets what was set until it expires', async () => {
    const time = clock();
    const store = new MemoryStore({ clock: time });
    await store.set('a', '1', 100);
    expect(await store.get('a')).toBe('1');
    await time.advance(99);
    expect(await store.get('a')).toBe('1');
    await time.advance(1);
    expect(await store.get('a')).toBeUndefined();
  });

  it('setIfAbsent sets once, then again after expiry', async () => {
    const time = clock();
    const store = new MemoryStore({ clock: time });
    expect(await store.setIfAbsent('id', 'x', 50)).toBe(true);
    expect(await store.setIfAbsent('id', 'y', 50)).toBe(false);
    expect(await store.get('id')).toBe('x');
    await time.advance(50);
    expect(await store.setIfAbsent('id', 'z', 50)).toBe(true);
  });

  it('evicts expired entries first, then the least recently used', async () => {
    const time = clock();
    const store = new MemoryStore({ maxEntries: 3, clock: time });
    await store.set('short', '1', 10);
    await store.set('a', '1', 1000);
    await store.set('b', '1', 1000);
    await time.advance(20);
    await store.set('c', '1', 1000); // 'short' expired: room without evicting a live entry
    expect([await store.get('a'), await store.get('b'), await store.get('c')]).toEqual(['1', '1', '1']);
    await store.get('a'); // a is now the most recent; b the least
    await store.set('d', '1', 1000);
    expect(await store.get('b')).toBeUndefined();
    expect(await store.get('a')).toBe('1');
    expect(store.size).toBe(3);
  });

  it('deletes and closes', async () => {
    const store = new MemoryStore();
    await store.set('a', '1', 1000);
    await store.delete('a');
    expect(await store.get('a')).toBeUndefined();
    await store.set('b', '1', 1000);
    await store.close();
    expect(store.size).toBe(0);
  });
});
