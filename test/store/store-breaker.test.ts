import { MemoryLogger } from '../../src/index.js';
import { fakeClock } from '../../src/testing/index.js';
import { StoreBreaker } from '../../src/store/store-breaker.js';

describe('StoreBreaker', () => {
  it('is down from the first unanswered command, probes one at a time at its pace, and is up at the first answer', async () => {
    const clock = fakeClock(0);
    const logger = new MemoryLogger();
    const breaker = new StoreBreaker(clock, logger, 1000);
    breaker.failed(new Error('Command timed out'));
    breaker.failed(new Error('Command timed out'));
    expect(breaker.down).toBe(true);
    let answer: (ok: boolean) => void = () => {};
    let probes = 0;
    const probe = (): Promise<void> => (probes++, new Promise((resolve, reject) => (answer = (ok) => (ok ? resolve() : reject(new Error('no'))))));
    breaker.probe(probe);
    breaker.probe(probe); // one on its way
    answer(false);
    await Promise.resolve();
    breaker.probe(probe); // too soon after the last
    expect(probes).toBe(1);
    await clock.advance(1000);
    breaker.probe(probe);
    expect(probes).toBe(2);
    answer(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(breaker.down).toBe(false);
    expect(logger.records.map((record) => [record.level, record.message])).toEqual([
      ['warn', 'Redis connection problem: store commands fail at once until it answers again'],
      ['info', 'Redis answers again: store commands go through'],
    ]);
    breaker.failed(new Error('again'));
    expect(breaker.down).toBe(true);
    expect(logger.records).toHaveLength(2); // a flapping store: at most one line per 10 s
  });
});
