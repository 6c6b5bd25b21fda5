import { BackendTimeoutError, CircuitBreaker, CircuitOpenError, MemoryLogger } from '../../src/index.js';
import { fakeClock } from '../../src/testing/index.js';
import { track } from '../support/timing.js';

const fail = (): Promise<never> => Promise.reject(new Error('500 from the backend'));
const ok = (): Promise<string> => Promise.resolve('ok');

async function failTimes(breaker: CircuitBreaker, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await expect(breaker.run(fail)).rejects.toThrow('500 from the backend');
}

describe('CircuitBreaker', () => {
  it('opens after failureThreshold failures in a row, then fails fast without calling the backend', async () => {
    const logger = new MemoryLogger();
    const breaker = new CircuitBreaker({ name: 'orders', failureThreshold: 3, logger });
    await failTimes(breaker, 2);
    await expect(breaker.run(ok)).resolves.toBe('ok'); // a success resets the count
    await failTimes(breaker, 3);
    expect(breaker.state).toBe('open');
    let called = false;
    const error = await breaker.run(async () => (called = true)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CircuitOpenError);
    expect((error as CircuitOpenError).code).toBe('ERR_CIRCUIT_OPEN');
    expect(called).toBe(false);
    expect(logger.records.filter((r) => r.message.startsWith('circuit opened'))).toHaveLength(1);
  });

  it('half-opens after resetMs: one trial call, whose success closes the circuit', async () => {
    const clock = fakeClock(0);
    const breaker = new CircuitBreaker({ name: 'orders', failureThreshold: 1, resetMs: 1000, clock });
    await failTimes(breaker, 1);
    await clock.advance(999);
    await expect(breaker.run(ok)).rejects.toBeInstanceOf(CircuitOpenError);
    await clock.advance(1);
    expect(breaker.state).toBe('half-open');
    let release: (value: string) => void = () => {};
    const trial = breaker.run(() => new Promise<string>((resolve) => (release = resolve)));
    await expect(breaker.run(ok)).rejects.toBeInstanceOf(CircuitOpenError); // only one trial at a time
    release('back');
    await expect(trial).resolves.toBe('back');
    expect(breaker.state).toBe('closed');
    await expect(breaker.run(ok)).resolves.toBe('ok');
  });

  it('a failed trial opens the circuit again for another resetMs', async () => {
    const clock = fakeClock(0);
    const breaker = new CircuitBreaker({ name: 'orders', failureThreshold: 1, resetMs: 1000, clock });
    await failTimes(breaker, 1);
    await clock.advance(1000);
    await failTimes(breaker, 1);
    expect(breaker.state).toBe('open');
    await clock.advance(500);
    await expect(breaker.run(ok)).rejects.toBeInstanceOf(CircuitOpenError);
  });

  it('a call past timeoutMs fails with ERR_BACKEND_TIMEOUT, aborts its signal and counts as a failure', async () => {
    const clock = fakeClock(0);
    const breaker = new CircuitBreaker({ name: 'slow', failureThreshold: 1, timeoutMs: 20, clock });
    let signal: AbortSignal | undefined;
    const hang = (s: AbortSignal): Promise<never> => {
      signal = s;
      return new Promise(() => {});
    };
    const call = track(breaker.run(hang), clock);
    await clock.advance(19);
    expect(call).toEqual({});
    await clock.advance(1);
    expect(call).toEqual({ error: expect.any(BackendTimeoutError), at: 20 });
    expect(signal?.aborted).toBe(true);
    expect(breaker.state).toBe('open');
  });

  it('the caller giving up (its turn deadline) is not held against the backend', async () => {
    const breaker = new CircuitBreaker({ name: 'orders', failureThreshold: 1, timeoutMs: 0 });
    const caller = new AbortController();
    const call = breaker.run(() => new Promise(() => {}), caller.signal);
    caller.abort(new Error('deadline'));
    await expect(call).rejects.toThrow('deadline');
    expect(breaker.state).toBe('closed');
  });

  it('isFailure decides which errors count', async () => {
    const breaker = new CircuitBreaker({ name: 'orders', failureThreshold: 1, isFailure: (e) => !(e instanceof RangeError) });
    await expect(breaker.run(() => Promise.reject(new RangeError('404: no such order')))).rejects.toBeInstanceOf(RangeError);
    expect(breaker.state).toBe('closed');
  });
});
