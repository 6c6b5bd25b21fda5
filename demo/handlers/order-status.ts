import type { Handler } from 'dialogflow-fulfiller';
import type { DemoDeps } from '../deps.js';
import { customerOf } from '../lookups.js';
import { textsFor } from '../texts.js';

/** `order.status`: the customer's latest order, its status and when it should arrive. */
export function orderStatus(deps: DemoDeps): Handler {
  return (turn) => {
    const customer = customerOf(turn, deps);
    if (customer === undefined) return;
    const t = textsFor(turn.languageCode);
    const order = deps.orders.latestOrder(customer.id);
    turn.say(order === undefined ? t.noOrders(customer) : t.orderStatus(order, deps.today()));
  };
}
