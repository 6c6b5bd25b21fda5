import type { Clock } from '../base/clock.js';
import type { Logger } from '../logging/logger.js';

/** Between two lines saying the store went down: a store that flaps should not flood the log. */
const LOG_INTERVAL_MS = 10_000;

/**
 * A breaker on a remote store. Once a command went unanswered (a timeout, a lost connection),
 * the store is known down and commands are refused at once instead of each waiting out its own
 * timeout; meanwhile one probe at a time, at most one per `probeMs`, asks whether it answers
 * again, and the first answer (a probe's, or the client's own reconnection) closes the breaker.
 * So an outage costs the calls in flight one timeout, and the rest nothing.
 */
export class StoreBreaker {
  private downSince: number | undefined;
  private lastProbe = Number.NEGATIVE_INFINITY;
  private probing = false;
  private lastLog = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly clock: Clock,
    private readonly logger: Logger | undefined,
    private readonly probeMs: number,
  ) {}

  /** Whether the store is known down: commands are refused without being sent. */
  get down(): boolean {
    return this.downSince !== undefined;
  }

  /** The store did not answer, or its connection dropped. */
  failed(cause: unknown): void {
    if (this.downSince !== undefined) return;
    const now = this.clock.now();
    this.downSince = now;
    if (this.logger === undefined || now - this.lastLog < LOG_INTERVAL_MS) return;
    this.lastLog = now;
    this.logger.warn({ err: describe(cause), probeMs: this.probeMs }, 'Redis connection problem: store commands fail at once until it answers again');
  }

  /** The store answered. */
  answered(): void {
    if (this.downSince === undefined) return;
    const downMs = this.clock.now() - this.downSince;
    this.downSince = undefined;
    this.logger?.info({ downMs }, 'Redis answers again: store commands go through');
  }

  /** While the store is down: sends `probe` unless one is on its way or one was sent less than `probeMs` ago. */
  probe(probe: () => Promise<unknown>): void {
    const now = this.clock.now();
    if (this.downSince === undefined || this.probing || now - this.lastProbe < this.probeMs) return;
    this.probing = true;
    this.lastProbe = now;
    probe().then(
      () => {
        this.probing = false;
        this.answered();
      },
      () => {
        this.probing = false;
      },
    );
  }
}

function describe(cause: unknown): { type: string; message: string } {
  return cause instanceof Error ? { type: cause.name, message: cause.message } : { type: typeof cause, message: String(cause) };
}
