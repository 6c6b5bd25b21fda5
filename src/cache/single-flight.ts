interface Flight<T> {
  promise: Promise<T>;
  controller: AbortController;
  waiters: number;
}

/**
 * Collapses concurrent calls for the same key into one: while a call for `key` is running,
 * other callers wait for its result instead of calling again (50 identical requests, one
 * backend call). Each caller may leave early with its own signal; the shared call is aborted
 * only when every caller has left.
 */
export class SingleFlight<T> {
  private readonly flights = new Map<string, Flight<T>>();

  run(key: string, call: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    let flight = this.flights.get(key);
    if (flight === undefined) {
      const controller = new AbortController();
      const promise = Promise.resolve()
        .then(() => call(controller.signal))
        .finally(() => this.forget(key, flight));
      flight = { promise, controller, waiters: 0 };
      this.flights.set(key, flight);
    }
    return this.join(key, flight, signal);
  }

  private forget(key: string, flight: Flight<T> | undefined): void {
    if (this.flights.get(key) === flight) this.flights.delete(key);
  }

  /** Calls in flight now. */
  get size(): number {
    return this.flights.size;
  }

  private join(key: string, flight: Flight<T>, signal: AbortSignal | undefined): Promise<T> {
    flight.waiters++;
    if (signal === undefined) return flight.promise.finally(() => void flight.waiters--);
    return new Promise<T>((resolve, reject) => {
      let left = false;
      const leave = (): void => {
        if (left) return;
        left = true;
        signal.removeEventListener('abort', onAbort);
        flight.waiters--;
      };
      const onAbort = (): void => {
        leave();
        if (flight.waiters === 0) {
          this.forget(key, flight); // a caller arriving now starts afresh rather than joining an aborted call
          flight.controller.abort(signal.reason);
        }
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      flight.promise.then(
        (value) => {
          leave();
          resolve(value);
        },
        (error: unknown) => {
          leave();
          reject(error);
        },
      );
    });
  }
}
