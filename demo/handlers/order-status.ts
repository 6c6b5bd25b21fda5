import type { Handler } from 'dialogflow-fulfiller';
import type { DemoDeps } from '../deps.js';
import { customerOf } from '../lookups.js';
import { textsFor } from '../texts.js';

/**
 * `order.status`: the customer's latest order, its status and when it should arrive; the order
 * is kept as session parameter `last_order`, and chips suggest what to ask next.
 */
export function orderStatus(deps: DemoDeps): Handler {
  return (turn) => {
    const customer = customerOf(turn, deps);
    if (customer === undefined) return;
    const t = textsFor(turn.languageCode);
    const order = deps.orders.latestOrder(customer.id);
    if (order === undefined) return void turn.say(t.noOrders(customer));
    turn.say(t.orderStatus(order, deps.today()));
    turn.params.set('last_order', order.number);
    turn.chips(t.orderChips());
  };
}
