import { sleep, systemClock, type Clock } from '../base/clock.js';
import type { Jobs } from '../jobs/jobs.js';
import type { Logger } from '../logging/logger.js';
import type { Store } from '../store/store.js';
import { withFinally } from '../runtime/with-finally.js';

/** A clean-up step run by `app.close()`: close a database, flush a buffer. */
export type CloseHook = () => unknown;

/** What closing an app stops, in order, after the turns in flight have finished. */
export interface CloseSteps {
  jobs: Jobs;
  /** The store, when the app made it (a store passed in is the caller's to close). */
  store: Store | undefined;
  logger: Logger;
}

/**
 * An app's life: it counts the webhook calls in flight, and closes in order: stop taking turns
 * (readiness 503), let the turns in flight finish, give deferred jobs what is left of the grace
 * period, run the close hooks, close the store. Everything within `graceMs`.
 */
export class Lifecycle {
  private inFlight = 0;
  private idle: (() => void) | undefined;
  private closing: Promise<void> | undefined;
  private readonly hooks: CloseHook[] = [];

  constructor(private readonly clock: Clock = systemClock) {}

  /** False once closing has begun. */
  get accepting(): boolean {
    return this.closing === undefined;
  }

  /** Counts `work` as in flight until it settles. */
  track<T>(work: () => Promise<T>): Promise<T> {
    this.inFlight++;
    return withFinally(work, this.leave);
  }

  private readonly leave = (): void => {
    this.inFlight--;
    if (this.inFlight === 0) this.idle?.();
  };

  onClose(hook: CloseHook): void {
    this.hooks.push(hook);
  }

  /** Closes once; later calls get the same promise. Never rejects: failing steps are logged. */
  close(graceMs: number, steps: CloseSteps): Promise<void> {
    this.closing ??= this.run(this.clock.now() + graceMs, steps);
    return this.closing;
  }

  private async run(deadline: number, { jobs, store, logger }: CloseSteps): Promise<void> {
    const left = (): number => Math.max(0, deadline - this.clock.now());
    const drained = new Promise<void>((resolve) => {
      this.idle = resolve;
      if (this.inFlight === 0) resolve();
    });
    if ((await Promise.race([drained.then(() => true), sleep(this.clock, left()).then(() => false)])) === false) {
      logger.warn({ inFlight: this.inFlight }, 'turns still running at the end of the grace period');
    }
    await step(logger, 'deferred jobs', () => jobs.drain(left()));
    // Newest first: what was opened last may depend on what was opened before it.
    for (const hook of [...this.hooks].reverse()) await step(logger, 'a close hook', hook);
    if (store !== undefined) await step(logger, 'the store', () => store.close());
  }
}

async function step(logger: Logger, what: string, action: () => unknown): Promise<void> {
  try {
    await action();
  } catch (error) {
    logger.error({ err: { message: error instanceof Error ? error.message : String(error) } }, `closing ${what} failed`);
  }
}
