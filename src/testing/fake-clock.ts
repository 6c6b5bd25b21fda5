import type { Clock, Timer } from '../base/clock.js';

interface Scheduled {
  readonly due: number;
  readonly order: number;
  readonly callback: () => void;
  cancelled: boolean;
}

/**
 * A clock that moves only when a test moves it. Give it to the app (`createFulfiller({ clock })`)
 * or to a verifier, store or breaker, then `await clock.advance(ms)`: every timer due by then
 * fires, in order, with the promises it settles run in between, so deadlines, job timeouts, cache
 * TTLs and token windows expire without real waiting.
 *
 *   const clock = fakeClock();
 *   const app = createFulfiller({ clock, deadlineMs: 4000 });
 *   const answer = app.handle(body, headers);   // a handler that waits on its backend
 *   await clock.advance(4000);                   // the deadline passes: the timeout message
 */
export class FakeClock implements Clock {
  private current: number;
  private readonly timers: Scheduled[] = [];
  private count = 0;

  constructor(start = Date.UTC(2026, 0, 1)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimer(callback: () => void, ms: number): Timer {
    const scheduled: Scheduled = { due: this.current + Math.max(0, ms), order: this.count++, callback, cancelled: false };
    this.timers.push(scheduled);
    // Due now: fires on the next turn of the event loop, as a real zero-delay timer does.
    if (ms <= 0) setImmediate(() => this.fireDue(scheduled));
    return {
      cancel: () => void (scheduled.cancelled = true),
      keepAlive: () => undefined,
    };
  }

  /** Timers still waiting to fire. */
  get pending(): number {
    return this.timers.filter((timer) => !timer.cancelled).length;
  }

  /**
   * Moves time forward by `ms`, firing each timer due on the way at its own time, oldest first.
   * After each one (and at the start) the work it released runs until it waits again on I/O or
   * on this clock: what a real event loop would have done in between.
   */
  async advance(ms: number): Promise<void> {
    const target = this.current + Math.max(0, ms);
    await settle();
    for (let next = this.nextDue(target); next !== undefined; next = this.nextDue(target)) {
      this.timers.splice(this.timers.indexOf(next), 1);
      this.current = next.due;
      next.callback();
      await settle();
    }
    this.current = target;
    await settle();
  }

  /** Sets the time (wall clock jumps, for tests of expiry); fires nothing. */
  set(epochMs: number): void {
    this.current = epochMs;
  }

  private fireDue(scheduled: Scheduled): void {
    const index = this.timers.indexOf(scheduled);
    if (index === -1 || scheduled.cancelled) return;
    this.timers.splice(index, 1);
    scheduled.callback();
  }

  private nextDue(target: number): Scheduled | undefined {
    let next: Scheduled | undefined;
    for (let i = this.timers.length - 1; i >= 0; i--) {
      const timer = this.timers[i]!;
      if (timer.cancelled) {
        this.timers.splice(i, 1);
        continue;
      }
      if (timer.due <= target && (next === undefined || timer.due < next.due || (timer.due === next.due && timer.order < next.order))) next = timer;
    }
    return next;
  }
}

/** A fake clock starting at `start` (epoch ms; default 2026-01-01T00:00:00Z). */
export function fakeClock(start?: number): FakeClock {
  return new FakeClock(start);
}

/** Lets pending promise callbacks and immediates run: a few turns of the event loop. */
async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
