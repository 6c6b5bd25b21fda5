import { ConcurrencyLimit } from '../../src/http/concurrency-limit.js';

describe('ConcurrencyLimit', () => {
  it('gives out up to max slots, refuses beyond, and takes a freed slot back', () => {
    const limit = new ConcurrencyLimit(2);
    expect(limit.enter()).toBe(true);
    expect(limit.enter()).toBe(true);
    expect(limit.enter()).toBe(false);
    limit.leave();
    expect(limit.enter()).toBe(true);
    expect(limit.enter()).toBe(false);
  });
});
