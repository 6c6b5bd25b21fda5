import type { Handler } from 'dialogflow-fulfiller';
import type { ReturnableItem } from '../data/orders-repository.js';
import type { DemoDeps } from '../deps.js';
import { customerOf } from '../lookups.js';
import { textList } from '../params.js';
import { textsFor } from '../texts.js';

/**
 * `return.create`: returns the named items of one order. Every problem (unknown order, an item
 * that isn't returnable) gets an answer that says what *can* be returned, so the user can fix it.
 */
export function returnCreate(deps: DemoDeps): Handler {
  const { orders, today } = deps;
  return (turn) => {
    const customer = customerOf(turn, deps);
    if (customer === undefined) return;
    const t = textsFor(turn.languageCode);
    const date = today();
    const returnable = orders.returnableItems(customer.id, date);
    // Nothing to return at all: asking for an order number or items would lead nowhere.
    if (returnable.length === 0) return turn.say(t.nothingReturnable());

    const orderNumber = turn.params.string('order_number')?.trim().toUpperCase();
    if (orderNumber === undefined) return turn.say(`${t.ask.order_number} ${t.returnable(returnable)}`);
    const ofOrder = returnable.filter((item) => item.orderNumber === orderNumber);
    if (ofOrder.length === 0) return turn.say(t.orderNotReturnable(orderNumber, returnable));

    const wanted = textList(turn.params.get('items'));
    if (wanted.length === 0) return turn.say(`${t.ask.items} ${t.returnable(ofOrder)}`);
    const chosen = new Map<number, ReturnableItem>();
    const unknown: string[] = [];
    for (const text of wanted) {
      const item = findItem(ofOrder, text);
      if (item === undefined) unknown.push(text);
      else chosen.set(item.id, item);
    }
    if (unknown.length > 0) return turn.say(t.itemsNotFound(orderNumber, unknown, ofOrder));

    const items = [...chosen.values()];
    const created = orders.createReturn(customer.id, orderNumber, [...chosen.keys()], date);
    turn.params.set('return_number', created.number); // later pages and turns can refer to it
    turn.say(t.returnCreated(created.number, orderNumber, items));
  };
}

/** An item by its name or SKU, in any case: "wireless mouse", "MOUSE-200". */
function findItem(items: readonly ReturnableItem[], text: string): ReturnableItem | undefined {
  const key = text.toLowerCase();
  return items.find((item) => item.name.toLowerCase() === key || item.sku.toLowerCase() === key);
}
