import { asCoded } from '../base/as-coded.js';
import { JobInterruptedError } from '../errors.js';
import { errorFields } from '../logging/log-format.js';

/** Why a job failed, as plain data: it may be read on another instance than the one that ran it. */
export interface JobFailure {
  code: string;
  message: string;
}

/**
 * What a later turn learns about a deferred job. Times are milliseconds since the epoch.
 *
 *   const job = await app.jobs.get(turn, 'report');
 *   if (job?.status === 'done') turn.say(`Ready: ${job.result.total}`);
 */
export type JobState<T = unknown> =
  | { status: 'running'; startedAt: number }
  | { status: 'done'; result: T; startedAt: number; finishedAt: number }
  | { status: 'failed'; error: JobFailure; startedAt: number; finishedAt: number };

/** A job as kept in the store: the state plus the id of the run and when that run must be over. */
export type JobRecord = JobState & { id: string; timeoutAt: number };

/** How long past its timeout a job still counts as running before it is taken for lost. */
export const LOST_AFTER_MS = 5000;

/** Parses a stored record; anything unreadable counts as absent. */
export function parseRecord(text: string | undefined): JobRecord | undefined {
  if (text === undefined) return undefined;
  try {
    const record = JSON.parse(text) as JobRecord;
    return typeof record === 'object' && record !== null && typeof record.id === 'string' ? record : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The public state of a record. A job still "running" well past its timeout ran on an instance
 * that went away before it could record anything: it is reported as interrupted.
 */
export function toState<T>(record: JobRecord, now: number): JobState<T> {
  if (record.status === 'running' && now > record.timeoutAt + LOST_AFTER_MS) {
    return { status: 'failed', error: failureOf(new JobInterruptedError()), startedAt: record.startedAt, finishedAt: record.timeoutAt };
  }
  const { id: _id, timeoutAt: _timeoutAt, ...state } = record;
  return state as JobState<T>;
}

/**
 * The failure to keep for an error: coded errors keep their code; others count as a failed
 * handler. Never throws, whatever the work threw: a job's end must always be recorded.
 */
export function failureOf(error: unknown): JobFailure {
  const coded = asCoded(error);
  if (coded !== undefined) return { code: coded.code, message: coded.message };
  return { code: 'ERR_HANDLER_FAILED', message: String(errorFields(error).message) };
}
