/**
 * Time, as the library reads it. One clock drives everything that depends on time: auth windows
 * (HMAC timestamps, token expiry), the store's TTLs, deferred jobs, the recorder, turn deadlines,
 * the circuit breaker and shutdown grace. A test that injects a fake clock
 * (`fakeClock()` from `dialogflow-fulfiller/testing`) controls all of it without real waiting.
 */
export interface Clock {
  /** Wall-clock milliseconds since the epoch, like `Date.now()`. */
  now(): number;
  /** Calls `callback` once `ms` milliseconds have passed on this clock. */
  setTimer(callback: () => void, ms: number): Timer;
}

/** A call scheduled by a clock. */
export interface Timer {
  /** Stops the call from happening; harmless after it happened. */
  cancel(): void;
  /** Whether a pending system timer keeps the process alive (it does, like `setTimeout`); a fake clock ignores it. */
  keepAlive(on: boolean): void;
}

/** The real clock: `Date.now()` and node's timers. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(callback, ms) {
    const timeout = setTimeout(callback, ms);
    return {
      cancel: () => clearTimeout(timeout),
      keepAlive: (on) => void (on ? timeout.ref() : timeout.unref()),
    };
  },
};

/**
 * Resolves after `ms` on `clock`, or rejects with the signal's reason when it aborts first.
 * The timer does not keep the process alive: what waits on it is kept alive by its own work.
 * Handlers that wait (a retry's back-off, a stand-in for a slow backend) wait on the app's
 * clock, `sleep(app.options.clock, ms, signal)`, so that a test's `fakeClock()` moves them too.
 */
export function sleep(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      timer.cancel();
      reject(signal!.reason);
    };
    const timer = clock.setTimer(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    timer.keepAlive(false);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** An AbortSignal that aborts after `ms` on `clock` (what `AbortSignal.timeout()` does on the real one). */
export function timeoutSignal(clock: Clock, ms: number): AbortSignal {
  const controller = new AbortController();
  const timer = clock.setTimer(() => controller.abort(new DOMException('The operation timed out.', 'TimeoutError')), Math.max(0, ms));
  timer.keepAlive(false);
  return controller.signal;
}
