import type { AppRoute } from './app-routes.js';
import type { FixtureSource, HostAnswer } from './host-protocol.js';
import type { RunOutcome } from './run-outcome.js';
import type { AppStatus } from './view.js';

/**
 * What the playground talks to: an app module it runs (AppHost), or a webhook at a URL
 * (UrlPlayTarget). A problem that keeps a turn from being answered is a FulfillerError.
 */
export interface PlayTarget {
  readonly status: AppStatus;
  onStatus(listener: (status: AppStatus) => void): () => void;
  /** Resolves once the app is no longer loading (ready, or failed): its routes are known then. */
  settled(): Promise<void>;
  /** The ES context that carries session parameters. */
  readonly sessionContext: string | undefined;
  /** The app's routes, when the playground runs the app. */
  readonly routes: readonly AppRoute[];
  send(body: string, headers: Record<string, string>): Promise<HostAnswer>;
  run(sources: FixtureSource[], keepGoing: boolean): Promise<RunOutcome[]>;
  close(): void;
}
