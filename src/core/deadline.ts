/**
 * Races a turn's work against its time budget. A late failure of the work is handed to
 * `onLateError` instead of becoming an unhandled rejection: the answer has already gone.
 */
export async function withDeadline(
  work: Promise<void>,
  ms: number,
  onLateError: (error: unknown) => void,
): Promise<'done' | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  let timedOut = false;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => {
      timedOut = true;
      resolve('timeout');
    }, ms);
  });
  const done = work.then(
    () => 'done' as const,
    (error: unknown) => {
      if (timedOut) {
        onLateError(error);
        return 'timeout' as const;
      }
      throw error;
    },
  );
  try {
    return await Promise.race([done, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
