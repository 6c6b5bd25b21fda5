import { withFinally } from '../runtime/with-finally.js';
import { OverloadedError } from '../errors.js';
import { errorResult, type HttpResult } from './http-result.js';

/**
 * Bounds the webhook calls in progress. Past the bound a call is answered at once with 503 and
 * `Retry-After`, before its body is read, so a flood costs little and what is running finishes.
 */
export class ConcurrencyLimit {
  private active = 0;

  constructor(readonly max: number) {}

  run(work: () => Promise<HttpResult>): Promise<HttpResult> {
    if (this.active >= this.max) return Promise.resolve(errorResult(new OverloadedError(), { 'retry-after': '1' }));
    this.active++;
    return withFinally(work, this.leave);
  }

  private readonly leave = (): void => {
    this.active--;
  };
}
