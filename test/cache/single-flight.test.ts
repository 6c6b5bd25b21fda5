import { SingleFlight } from '../../src/index.js';

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve: (value: T) => void = () => {};
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('SingleFlight', () => {
  it('50 concurrent calls for one key make one call; another key makes its own', async () => {
    const flights = new SingleFlight<string>();
    let calls = 0;
    const backend = deferred<string>();
    const call = (): Promise<string> => (calls++, backend.promise);
    const all = Array.from({ length: 50 }, () => flights.run('k', call));
    const other = flights.run('other', async () => (calls++, 'other'));
    backend.resolve('answer');
    expect(await Promise.all(all)).toEqual(Array(50).fill('answer'));
    expect(await other).toBe('other');
    expect(calls).toBe(2);
    expect(flights.size).toBe(0);
  });

  it('shares a failure with every waiter, then calls afresh', async () => {
    const flights = new SingleFlight<string>();
    const backend = deferred<string>();
    const waiting = [flights.run('k', () => backend.promise), flights.run('k', () => backend.promise)];
    backend.reject(new Error('down'));
    for (const one of waiting) await expect(one).rejects.toThrow('down');
    await expect(flights.run('k', async () => 'up')).resolves.toBe('up');
  });

  it('a caller may leave early; the call goes on for the others', async () => {
    const flights = new SingleFlight<string>();
    const backend = deferred<string>();
    let signal: AbortSignal | undefined;
    const impatient = new AbortController();
    const leaving = flights.run('k', (s) => ((signal = s), backend.promise), impatient.signal);
    const staying = flights.run('k', () => backend.promise, new AbortController().signal);
    impatient.abort(new Error('deadline'));
    await expect(leaving).rejects.toThrow('deadline');
    expect(signal?.aborted).toBe(false);
    backend.resolve('answer');
    await expect(staying).resolves.toBe('answer');
  });

  it('when every caller has left, the call is aborted and the next caller starts a new one', async () => {
    const flights = new SingleFlight<string>();
    let signal: AbortSignal | undefined;
    const caller = new AbortController();
    const first = flights.run('k', (s) => ((signal = s), new Promise<string>(() => {})), caller.signal);
    caller.abort(new Error('gone'));
    await expect(first).rejects.toThrow('gone');
    expect(signal?.aborted).toBe(true);
    await expect(flights.run('k', async () => 'fresh')).resolves.toBe('fresh');
  });

  it('an already aborted caller is refused without a call', async () => {
    const flights = new SingleFlight<string>();
    let called = false;
    await expect(flights.run('k', async () => ((called = true), 'x'), AbortSignal.abort(new Error('late')))).rejects.toThrow('late');
    expect(called).toBe(false);
  });
});
