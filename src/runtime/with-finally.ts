/**
 * Runs `work` and calls `done` once its promise settles (at once when `work` throws), returning
 * the work's own promise: what an async function with try/finally does, without the promise it
 * adds. Counting what is in flight is on every call's path.
 */
export function withFinally<T>(work: () => Promise<T>, done: () => void): Promise<T> {
  let running: Promise<T>;
  try {
    running = work();
  } catch (error) {
    done();
    return Promise.reject(error);
  }
  running.then(done, done);
  return running;
}
