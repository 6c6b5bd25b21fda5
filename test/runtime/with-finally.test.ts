import { withFinally } from '../../src/runtime/with-finally.js';

describe('withFinally', () => {
  it("returns the work's own promise and calls done once it settles, resolved or rejected", async () => {
    const calls: string[] = [];
    const done = (): void => void calls.push('done');
    const resolved = Promise.resolve(1);
    expect(withFinally(() => resolved, done)).toBe(resolved);
    await resolved;
    expect(calls).toEqual(['done']);

    const failure = new Error('backend down');
    await expect(withFinally(() => Promise.reject(failure), done)).rejects.toBe(failure);
    expect(calls).toEqual(['done', 'done']);
  });

  it('calls done at once and rejects when the work throws instead of returning a promise', async () => {
    let done = 0;
    const running = withFinally(
      () => {
        throw new Error('sync');
      },
      () => done++,
    );
    expect(done).toBe(1);
    await expect(running).rejects.toThrow('sync');
  });

  it('runs done before the caller continues, as finally would', async () => {
    let inFlight = 1;
    await withFinally(
      () => Promise.resolve(),
      () => inFlight--,
    );
    expect(inFlight).toBe(0);
  });
});
