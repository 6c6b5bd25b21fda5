import { BackendTimeoutError, CircuitOpenError } from '../errors.js';
import { systemClock, type Clock, type Timer } from '../base/clock.js';
import type { Logger } from '../logging/logger.js';

/** `closed`: calls go through. `open`: calls fail fast. `half-open`: one trial call decides. */
export type CircuitState = 'closed' | 'open' | 'half-open';

/** Options of `new CircuitBreaker()`. */
export interface CircuitBreakerOptions {
  /** Names the backend in errors and logs. */
  name: string;
  /** Consecutive failures that open the circuit. Default 5. */
  failureThreshold?: number;
  /** How long the circuit stays open before a trial call is let through. Default 10 000 ms. */
  resetMs?: number;
  /** A call still running after this fails with ERR_BACKEND_TIMEOUT and counts as a failure. Default 3000 ms; 0 for none. */
  timeoutMs?: number;
  /** Which errors count against the backend. Default: all but the caller's own abort. */
  isFailure?: (error: unknown) => boolean;
  logger?: Logger;
  clock?: Clock;
}

/**
 * Fails fast while a backend is down instead of making every user wait for it: after
 * `failureThreshold` failures in a row, calls throw ERR_CIRCUIT_OPEN at once (the user hears
 * the apology); after `resetMs` one trial call goes through, and its success closes the circuit.
 *
 *   const payments = new CircuitBreaker({ name: 'payments' });
 *   const status = await payments.run((signal) => fetch(url, { signal }), turn.signal);
 */
export class CircuitBreaker {
  readonly name: string;
  private readonly threshold: number;
  private readonly resetMs: number;
  private readonly timeoutMs: number;
  private readonly isFailure: (error: unknown) => boolean;
  private readonly logger: Logger | undefined;
  private readonly clock: Clock;
  private failures = 0;
  private openedAt = 0;
  private current: CircuitState = 'closed';
  private trial = false;

  constructor(options: CircuitBreakerOptions) {
    this.name = options.name;
    this.threshold = options.failureThreshold ?? 5;
    this.resetMs = options.resetMs ?? 10_000;
    this.timeoutMs = options.timeoutMs ?? 3000;
    this.isFailure = options.isFailure ?? (() => true);
    this.logger = options.logger;
    this.clock = options.clock ?? systemClock;
  }

  /** The state now (an open circuit whose time is up reads as half-open). */
  get state(): CircuitState {
    if (this.current === 'open' && this.clock.now() - this.openedAt >= this.resetMs) return 'half-open';
    return this.current;
  }

  /** Calls the backend through the breaker. `signal` is the caller's (a turn's); the call gets one that also fires at `timeoutMs`. */
  async run<T>(call: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    this.admit();
    const isTrial = this.current !== 'closed';
    if (isTrial) this.trial = true;
    try {
      const result = await this.withTimeout(call, signal);
      this.succeeded();
      return result;
    } catch (error) {
      const callerGaveUp = signal?.aborted === true && error === signal.reason;
      if (!callerGaveUp && this.isFailure(error)) this.failed();
      throw error;
    } finally {
      if (isTrial) this.trial = false;
    }
  }

  private admit(): void {
    const state = this.state;
    if (state === 'closed') return;
    if (state === 'half-open' && !this.trial) {
      this.current = 'half-open';
      return;
    }
    const retryIn = Math.max(0, Math.ceil(this.openedAt + this.resetMs - this.clock.now()));
    throw new CircuitOpenError(this.name, retryIn);
  }

  private withTimeout<T>(call: (signal: AbortSignal) => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
    const controller = new AbortController();
    const stop = signal === undefined ? controller.signal : AbortSignal.any([controller.signal, signal]);
    let timer: Timer | undefined;
    const gaveUp = new Promise<never>((_, reject) => {
      if (this.timeoutMs > 0) {
        const timeout = new BackendTimeoutError(this.name, this.timeoutMs);
        timer = this.clock.setTimer(() => {
          controller.abort(timeout);
          reject(timeout);
        }, this.timeoutMs);
      }
      if (signal?.aborted) reject(signal.reason);
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
    gaveUp.catch(() => {});
    // Whichever comes first: the answer, our timeout, or the caller giving up (a backend that ignores its signal cannot hold us).
    return Promise.race([Promise.resolve().then(() => call(stop)), gaveUp]).finally(() => timer?.cancel());
  }

  private succeeded(): void {
    if (this.current !== 'closed') this.logger?.info({ backend: this.name }, 'circuit closed: the backend answers again');
    this.current = 'closed';
    this.failures = 0;
  }

  private failed(): void {
    this.failures++;
    if (this.current === 'closed' && this.failures < this.threshold) return;
    if (this.current === 'closed') {
      this.logger?.warn({ backend: this.name, failures: this.failures, resetMs: this.resetMs }, 'circuit opened: calls to the backend fail fast for a while');
    }
    this.current = 'open';
    this.openedAt = this.clock.now();
  }
}
