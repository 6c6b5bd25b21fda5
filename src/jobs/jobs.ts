import { sleep, systemClock, timeoutSignal, type Clock } from '../base/clock.js';
import { builtins } from '../runtime/builtins.js';
import { JobInterruptedError } from '../errors.js';
import type { Logger } from '../logging/logger.js';
import type { Store } from '../store/store.js';
import { LOST_AFTER_MS, parseRecord, toState, type JobRecord, type JobState } from './job-state.js';
import { aborted, runJob, type JobWork } from './run-job.js';

export type { JobWork };

/** The conversation a job belongs to: a turn, or anything with its session name. */
export interface JobOwner {
  readonly session: string;
  /** Stops `wait()` early (a turn passes its own deadline signal). */
  readonly signal?: AbortSignal;
  /** Where the job's end is logged (a turn's logger carries its request id). */
  readonly log?: Logger;
}

/** Options of `jobs.defer()`. */
export interface DeferOptions {
  /** How long the result (or failure) is kept for later turns. Default 30 minutes, a CX session's life. */
  ttlMs?: number;
  /** The longest the job may run; its signal then aborts and it fails with ERR_JOB_TIMEOUT. Default 5 minutes. */
  timeoutMs?: number;
}

interface Running {
  controller: AbortController;
  done: Promise<void>;
}

const DEFAULT_TTL_MS = 30 * 60_000;
const DEFAULT_TIMEOUT_MS = 5 * 60_000;
const POLL_MS = 100;

/**
 * Deferred jobs: work too slow for one webhook call. `defer()` starts it and returns at once, so
 * the turn can answer "Processing…"; its state and result are kept in the app's store under the
 * conversation's session and a key, so a later turn (on any instance sharing the store) picks
 * them up with `get()`.
 *
 *   app.tag('report.generate', async (turn) => {
 *     await turn.defer('report', (signal) => buildReport(signal)); // = app.jobs.defer(turn, 'report', …)
 *     turn.say('Processing. Please wait a moment.');
 *   });
 */
export class Jobs {
  private readonly running = new Map<string, Running>();
  private readonly store: Store;
  private readonly logger: Logger;
  private readonly clock: Clock;

  constructor(options: { store: Store; logger: Logger; clock?: Clock }) {
    this.store = options.store;
    this.logger = options.logger;
    this.clock = options.clock ?? systemClock;
  }

  /**
   * Starts `work` as the job `key` of this conversation and returns its state without waiting
   * for it. A job already running under that key, on any instance, is left alone (asking twice
   * does not run the work twice); a finished one is replaced by a fresh run.
   */
  async defer<T>(owner: JobOwner, key: string, work: JobWork<T>, options: DeferOptions = {}): Promise<JobState<T>> {
    const ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const keys = this.keys(owner, key);
    const id = builtins.crypto().randomUUID();
    const startedAt = this.clock.now();
    // The run lock makes "already running" hold across instances; it outlives a lost run by a little.
    if (!(await this.store.setIfAbsent(keys.lock, id, timeoutMs + LOST_AFTER_MS))) {
      return (await this.get<T>(owner, key)) ?? { status: 'running', startedAt };
    }
    const record: JobRecord = { id, status: 'running', startedAt, timeoutAt: startedAt + timeoutMs };
    await this.store.set(keys.state, JSON.stringify(record), timeoutMs + LOST_AFTER_MS + ttlMs);
    const controller = new AbortController();
    const run = { key, keys, record, ttlMs, store: this.store, log: owner.log ?? this.logger, clock: this.clock };
    const done = runJob(run, work, controller);
    this.running.set(keys.state, { controller, done });
    void done.finally(() => this.running.delete(keys.state));
    return { status: 'running', startedAt };
  }

  /** The job `key` of this conversation, or undefined when there is none (or it has expired). */
  async get<T = unknown>(owner: JobOwner, key: string): Promise<JobState<T> | undefined> {
    const record = parseRecord(await this.store.get(this.keys(owner, key).state));
    return record === undefined ? undefined : toState<T>(record, this.clock.now());
  }

  /**
   * Waits up to `ms` for the job to finish (less if the owner's signal aborts first) and returns
   * its state then: a turn can answer with the result when it is quick, "still working" when not.
   */
  async wait<T = unknown>(owner: JobOwner, key: string, ms: number): Promise<JobState<T> | undefined> {
    const until = this.clock.now() + ms;
    const local = this.running.get(this.keys(owner, key).state);
    const stop = AbortSignal.any([timeoutSignal(this.clock, ms), ...(owner.signal === undefined ? [] : [owner.signal])]);
    if (local !== undefined) await Promise.race([local.done, aborted(stop)]);
    for (;;) {
      const state = await this.get<T>(owner, key);
      if (state?.status !== 'running' || stop.aborted || this.clock.now() >= until) return state;
      await sleep(this.clock, Math.min(POLL_MS, until - this.clock.now()), stop).catch(() => undefined);
    }
  }

  /** Forgets the job `key` of this conversation (its result, or a record of its failure). */
  async forget(owner: JobOwner, key: string): Promise<void> {
    await this.store.delete(this.keys(owner, key).state);
  }

  /** Jobs running on this instance. */
  get inFlight(): number {
    return this.running.size;
  }

  /**
   * For shutdown: gives the jobs running here `ms` to finish, then aborts the rest, which are
   * recorded as interrupted (ERR_JOB_INTERRUPTED) so that deferring them again, on any instance, starts them anew.
   */
  async drain(ms: number): Promise<void> {
    const all = (): Promise<unknown> => Promise.all([...this.running.values()].map((job) => job.done));
    await Promise.race([all(), sleep(this.clock, ms)]);
    for (const job of this.running.values()) job.controller.abort(new JobInterruptedError());
    await all();
  }

  private keys(owner: JobOwner, key: string): { state: string; lock: string } {
    const state = `job:${owner.session}:${key}`;
    return { state, lock: `${state}:lock` };
  }
}
