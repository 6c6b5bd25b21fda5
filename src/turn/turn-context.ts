import type { Caller } from '../auth/verifier.js';
import type { Headers } from '../http/headers.js';
import type { Jobs } from '../jobs/jobs.js';
import type { Logger } from '../logging/logger.js';

/** What the pipeline gives every turn besides the request itself. */
export interface TurnContext {
  /** Correlates log lines of one webhook call (the `x-request-id` header, or a fresh id). */
  readonly requestId: string;
  /** Fires when the turn's time budget runs out or the server shuts down. */
  readonly signal: AbortSignal;
  readonly log: Logger;
  readonly headers: Headers;
  /** Who called, when the app checks callers (option `auth`). */
  readonly caller?: Caller | undefined;
  /** The app's deferred jobs, behind `turn.defer()` and `turn.job()`. */
  readonly jobs: Jobs;
}
