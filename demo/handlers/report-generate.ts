import { sleep, type Handler } from 'dialogflow-fulfiller';
import type { Account } from '../data/spending-repository.js';
import type { DemoDeps } from '../deps.js';
import { accountOf } from '../lookups.js';
import { textsFor } from '../texts.js';

/** The job key of an account's report; jobs are kept per conversation. */
export const reportKey = (account: Account): string => `report:${account.id}`;

/**
 * `report.generate`: a job too slow for one webhook call (Dialogflow gives up after a few
 * seconds). It is deferred: the user hears "processing" at once, the work goes on, and its
 * result is kept in the app's store, where `report.status` finds it on a later turn, on this
 * instance or (with REDIS_URL) any other.
 */
export function reportGenerate(deps: DemoDeps): Handler {
  const { spending, reportMs, clock } = deps;
  return async (turn) => {
    const account = accountOf(turn, deps);
    if (account === undefined) return;
    const t = textsFor(turn.languageCode);
    // The job outlives this turn, so it gets its own signal (its timeout, or shutdown), never turn.signal.
    await turn.defer(reportKey(account), async (signal) => {
      await sleep(clock, reportMs, signal); // stands in for a slow backend, on the app's clock (a test's fake clock moves it)
      return spending.monthlyTotals(account.id);
    });
    turn.say(t.reportStarted());
  };
}
