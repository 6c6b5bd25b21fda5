/**
 * Slow work that outlives the turn that started it: the webhook answers at once, and a later turn
 * of the same conversation asks how it went. The interface is only `start` and `get` so that the
 * in-memory Map can later be swapped for a shared store (several server instances).
 */

/** What a later turn can learn about a job: plain data, so that a shared store could hold it. */
export type JobState<T> = { status: 'running' } | { status: 'done'; result: T } | { status: 'failed'; error: unknown };

interface Entry<T> {
  state: JobState<T>;
  /** When the entry was last updated: finished jobs expire `ttlMs` after this. */
  updatedAt: number;
  /** The running work; kept so that nothing is left floating (its failure is recorded, never unhandled). */
  promise: Promise<void>;
}

export interface ReportJobsOptions {
  /** How long a finished job's result is kept. Default 30 minutes. */
  ttlMs?: number;
  /** Milliseconds since the epoch; injectable for tests. */
  now?: () => number;
}

export class ReportJobs<T> {
  private readonly jobs = new Map<string, Entry<T>>();
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: ReportJobsOptions = {}) {
    this.ttlMs = options.ttlMs ?? 30 * 60 * 1000;
    this.now = options.now ?? Date.now;
  }

  /**
   * Starts `work` under `key` and returns at once. A job already running under that key is left
   * alone (asking twice does not run the work twice); a finished one is replaced by a fresh run.
   */
  start(key: string, work: () => Promise<T>): JobState<T> {
    const current = this.get(key);
    if (current?.status === 'running') return current;
    const entry: Entry<T> = { state: { status: 'running' }, updatedAt: this.now(), promise: Promise.resolve() };
    entry.promise = Promise.resolve()
      .then(work)
      .then(
        (result) => this.settle(key, entry, { status: 'done', result }),
        (error: unknown) => this.settle(key, entry, { status: 'failed', error }),
      );
    this.jobs.set(key, entry);
    return entry.state;
  }

  /** The job under `key`, or undefined when there is none or it has expired. */
  get(key: string): JobState<T> | undefined {
    this.sweep();
    return this.jobs.get(key)?.state;
  }

  private settle(key: string, entry: Entry<T>, state: JobState<T>): void {
    // A job replaced in the meantime must not overwrite its successor.
    if (this.jobs.get(key) !== entry) return;
    entry.state = state;
    entry.updatedAt = this.now();
  }

  /** Drops finished jobs older than the TTL; running ones stay until they finish. */
  private sweep(): void {
    const cutoff = this.now() - this.ttlMs;
    for (const [key, entry] of this.jobs) {
      if (entry.state.status !== 'running' && entry.updatedAt < cutoff) this.jobs.delete(key);
    }
  }
}
