import { isIsoDate, localIsoDate } from './dates.js';

/**
 * "Today" for the demo, as `YYYY-MM-DD`. A function rather than a value so that a server left
 * running past midnight moves on to the next day, and so that tests can pin the date.
 */
export type Today = () => string;

/** The real calendar date where the server runs. */
export const systemToday: Today = () => localIsoDate(new Date());

/** Always the same date: for tests and reproducible demos. */
export function fixedToday(date: string): Today {
  if (!isIsoDate(date)) throw new RangeError(`"today" must be a YYYY-MM-DD date, not "${date}"`);
  return () => date;
}

/** `DEMO_TODAY=YYYY-MM-DD` pins the date; otherwise the real one. A malformed value fails at start, not mid-conversation. */
export function todayFromEnv(env: Readonly<Record<string, string | undefined>>): Today {
  const pinned = env.DEMO_TODAY?.trim();
  if (pinned === undefined || pinned === '') return systemToday;
  if (!isIsoDate(pinned)) throw new RangeError(`DEMO_TODAY must be a YYYY-MM-DD date, not "${pinned}"`);
  return fixedToday(pinned);
}
