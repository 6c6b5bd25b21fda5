/**
 * The messages between the playground and the process its app runs in (app-child.ts): the app
 * lives in a child process so that a changed module can be loaded afresh (ES modules cannot be
 * unloaded) and a module that fails, or a handler that exits, never takes the page down.
 */
import type { HttpResult } from '../index.js';
import type { AppRoute } from './app-routes.js';
import type { FixtureSource, RunOutcome } from './run-outcome.js';

export type { FixtureSource };
import type { ErrorView, LogLine } from './view.js';

/** A fixture to replay: a file to read, or a document not written yet (saving checks it first). */

/** Parent → child. */
export type ToChild =
  | { type: 'turn'; id: number; body: string; headers: Record<string, string> }
  | { type: 'run'; id: number; sources: FixtureSource[]; keepGoing: boolean };

/** The app answered one turn. */
export interface HostAnswer {
  result: HttpResult;
  /** How long `app.handle()` took, ms. */
  ms: number;
  logs: LogLine[];
  /** What a handler threw, with its stack (from the app's error log line, or a rejected handle()). */
  error?: ErrorView;
}

/** Child → parent. */
export type FromChild =
  | { type: 'ready'; routes: AppRoute[]; sessionContext: string }
  | { type: 'failed'; error: ErrorView }
  | { type: 'answer'; id: number; answer: HostAnswer }
  | { type: 'outcomes'; id: number; outcomes: RunOutcome[] };
