import type { Clock } from '../base/clock.js';
import { JobResultError, JobTimeoutError } from '../errors.js';
import type { Logger } from '../logging/logger.js';
import { traced } from '../telemetry/tracing.js';
import type { Store } from '../store/store.js';
import { failureOf, parseRecord, type JobRecord, type JobState } from './job-state.js';

/** The work of a job. `signal` aborts at the job's timeout or when the server shuts down. */
export type JobWork<T> = (signal: AbortSignal) => T | Promise<T>;

/** One run of a job: where it is kept and how long, and what it reports to. */
export interface JobRun {
  key: string;
  keys: { state: string; lock: string };
  record: JobRecord;
  ttlMs: number;
  store: Store;
  log: Logger;
  clock: Clock;
}

/**
 * Runs a job to its end, whatever the work does (finishes, throws, ignores its signal past the
 * timeout), and records that end in the store for later turns. Never rejects.
 */
export async function runJob<T>(run: JobRun, work: JobWork<T>, controller: AbortController): Promise<void> {
  const { key, record, log, clock } = run;
  const timeoutMs = record.timeoutAt - record.startedAt;
  const timer = clock.setTimer(() => controller.abort(new JobTimeoutError(timeoutMs)), timeoutMs);
  timer.keepAlive(false); // a running job keeps the process alive by its own I/O, not by its timeout
  let state: JobState;
  try {
    const result = await traced('fulfiller.job', { 'fulfiller.job.key': key }, () => untilAborted(work, controller.signal));
    state = { status: 'done', result: plainData(result), startedAt: record.startedAt, finishedAt: clock.now() };
    log.info({ job: key, ms: state.finishedAt - record.startedAt }, 'job done');
  } catch (error) {
    state = { status: 'failed', error: failureOf(error), startedAt: record.startedAt, finishedAt: clock.now() };
    log.warn({ job: key, code: state.error.code, err: { message: state.error.message } }, 'job failed: a later turn will hear about it');
  } finally {
    timer.cancel();
  }
  await recordEnd(run, state).catch((error: unknown) =>
    log.error({ job: key, err: failureOf(error) }, 'could not record the end of a job: later turns will see it as running until it counts as lost'),
  );
}

/** Keeps the finished state, unless a newer run of the same job has taken over in the meantime. */
async function recordEnd({ keys, record, ttlMs, store }: JobRun, state: JobState): Promise<void> {
  const current = parseRecord(await store.get(keys.state));
  if (current !== undefined && current.id !== record.id) return;
  const finished: JobRecord = { ...state, id: record.id, timeoutAt: record.timeoutAt };
  await store.set(keys.state, JSON.stringify(finished), ttlMs);
  if ((await store.get(keys.lock)) === record.id) await store.delete(keys.lock);
}

/** Runs the work, but gives up when the signal aborts even if the work ignores it. */
function untilAborted<T>(work: JobWork<T>, signal: AbortSignal): Promise<T> {
  return Promise.race([Promise.resolve().then(() => work(signal)), aborted(signal).then(() => Promise.reject(signal.reason))]);
}

/** Resolves when the signal aborts. */
export function aborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

/** The result as JSON data, exactly as another instance will read it. */
function plainData<T>(value: T): T {
  try {
    return JSON.parse(JSON.stringify(value ?? null)) as T;
  } catch (cause) {
    throw new JobResultError(cause);
  }
}
