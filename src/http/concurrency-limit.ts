/**
 * Bounds the webhook calls in progress on one server. A call takes a slot once its body is in,
 * so slow senders (which node's request timeout ends with 408) never hold the slots that
 * complete calls need; past the bound a call is answered at once with 503 and `Retry-After`.
 */
export class ConcurrencyLimit {
  private active = 0;

  constructor(readonly max: number) {}

  /** Takes a slot; false when all are taken. */
  enter(): boolean {
    if (this.active >= this.max) return false;
    this.active++;
    return true;
  }

  leave(): void {
    this.active--;
  }
}
