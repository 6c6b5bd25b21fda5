import type { Handler } from 'dialogflow-fulfiller';
import { previousMonth } from '../dates.js';
import { accountOf } from '../lookups.js';
import type { DemoDeps } from '../deps.js';
import { isBlank, monthOf } from '../params.js';
import { textsFor } from '../texts.js';

/**
 * `spending.summary`: one month's spending per category, largest first, said and shown as a
 * card. The month defaults to last month.
 */
export function spendingSummary(deps: DemoDeps): Handler {
  const { spending, today } = deps;
  return (turn) => {
    const account = accountOf(turn, deps);
    if (account === undefined) return;
    const t = textsFor(turn.languageCode);
    // Not given: last month. Given but not a month: say so rather than answer for a month the user didn't mean.
    const given = turn.params.get('month');
    const month = isBlank(given) ? previousMonth(today()) : monthOf(given);
    if (month === undefined) return turn.say(t.badMonth());
    const categories = spending.spendingByCategory(account.id, month);
    if (categories.length === 0) return turn.say(t.noSpending(account, month));
    turn.say(t.spending(account, month, categories));
    turn.card(t.spendingCard(account, month, categories));
  };
}
