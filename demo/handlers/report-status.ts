import { JobFailedError, type Handler } from 'dialogflow-fulfiller';
import type { MonthTotal } from '../data/spending-repository.js';
import type { DemoDeps } from '../deps.js';
import { accountOf } from '../lookups.js';
import { textsFor } from '../texts.js';
import { reportKey } from './report-generate.js';

/** `report.status`: how the report started by `report.generate` in this conversation is going. */
export function reportStatus(deps: DemoDeps): Handler {
  return async (turn) => {
    const account = accountOf(turn, deps);
    if (account === undefined) return;
    const t = textsFor(turn.languageCode);
    const key = reportKey(account);
    const job = await turn.job<MonthTotal[]>(key);
    if (job === undefined) return turn.say(t.noReport(account));
    if (job.status === 'running') return turn.say(t.reportRunning());
    // The backend failed while the report was made: let the library answer with its apology and log it.
    if (job.status === 'failed') throw new JobFailedError(key, job.error);
    turn.say(t.reportReady(account, job.result));
  };
}
