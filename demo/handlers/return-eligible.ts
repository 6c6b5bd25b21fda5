import type { Handler } from 'dialogflow-fulfiller';
import type { DemoDeps } from '../deps.js';
import { customerOf } from '../lookups.js';
import { textsFor } from '../texts.js';

/** `return.eligible`: what the customer can still return (delivered, within the window, not yet returned). */
export function returnEligible(deps: DemoDeps): Handler {
  return (turn) => {
    const customer = customerOf(turn, deps);
    if (customer === undefined) return;
    const t = textsFor(turn.languageCode);
    const items = deps.orders.returnableItems(customer.id, deps.today());
    turn.say(items.length > 0 ? t.returnable(items) : t.nothingReturnable());
  };
}
