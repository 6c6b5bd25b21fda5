import type { Clock } from '../../src/index.js';

/**
 * What tests use instead of waiting: work that ends when the test says so, the time a promise
 * settled at on a fake clock, and, where real time must pass (a child process, a real Redis),
 * polling with a bound wide enough for a machine ten times slower than a quiet one.
 */

/** Work that ends when the test opens (or fails) it. */
export interface Gate<T> {
  work: Promise<T>;
  open(value: T): void;
  fail(error: Error): void;
}

export function gate<T = void>(): Gate<T> {
  let open!: (value: T) => void;
  let fail!: (error: Error) => void;
  const work = new Promise<T>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { work, open, fail };
}

/** How a promise settled, and when on `clock`; empty while it is pending. */
export interface Settled<T> {
  result?: T;
  error?: unknown;
  at?: number;
}

export function track<T>(promise: Promise<T>, clock: Pick<Clock, 'now'>): Settled<T> {
  const seen: Settled<T> = {};
  promise.then(
    (result) => Object.assign(seen, { result, at: clock.now() }),
    (error: unknown) => Object.assign(seen, { error, at: clock.now() }),
  );
  return seen;
}

/** The longest a test polls real time for something that takes milliseconds on a quiet machine (inside jest's 20 s per test). */
export const REAL_TIME_BOUND_MS = 15_000;

/**
 * Asks `probe` until it returns something other than undefined, or fails after `boundMs` of real
 * time with `what` and the last probe's error: for what the test cannot control (a child
 * process, a real Redis). Nothing here asserts how long it took.
 */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, boundMs = REAL_TIME_BOUND_MS): Promise<T> {
  const until = performance.now() + boundMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (performance.now() > until) throw new Error(`${what}: not within ${boundMs} ms${last === undefined ? '' : ` (${String(last)})`}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
