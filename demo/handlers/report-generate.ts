import { setTimeout as sleep } from 'node:timers/promises';
import type { Handler, Turn } from '../../src/index.js';
import type { Account } from '../data/spending-repository.js';
import type { DemoDeps } from '../deps.js';
import { accountOf } from '../lookups.js';
import { textsFor } from '../texts.js';

/** One report per conversation and account. */
export const reportKey = (turn: Turn, account: Account): string => `${turn.sessionId}\u0000${account.id}`;

/**
 * `report.generate`: a job too slow for one webhook call (Dialogflow gives up after a few
 * seconds). The job starts in the background and the user hears "processing" at once;
 * `report.status` gives the result on a later turn.
 */
export function reportGenerate(deps: DemoDeps): Handler {
  const { spending, reports, reportMs } = deps;
  return (turn) => {
    const account = accountOf(turn, deps);
    if (account === undefined) return;
    const t = textsFor(turn.languageCode);

    // Not awaited on purpose: the job outlives this turn. It must not use turn.signal either,
    // which belongs to this turn. Its failure is kept in the registry for report.status.
    reports.start(reportKey(turn, account), async () => {
      await sleep(reportMs, undefined, { ref: false }); // stands in for a slow backend; doesn't hold the process open
      return spending.monthlyTotals(account.id);
    });
    turn.say(t.reportStarted());
  };
}
