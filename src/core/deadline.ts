/**
 * Races a turn's work against its time budget. A late failure of the work is handed to
 * `onLateError` instead of becoming an unhandled rejection: the answer has already gone.
 */
export function withDeadline(work: Promise<void>, ms: number, onLateError: (error: unknown) => void): Promise<'done' | 'timeout'> {
  // One promise and one timer per turn, not a race between several: this runs on every call.
  return new Promise((resolve, reject) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      resolve('timeout');
    }, ms);
    work.then(
      () => {
        clearTimeout(timer);
        resolve('done');
      },
      (error: unknown) => {
        if (timedOut) return onLateError(error);
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
