import type { Handler } from 'dialogflow-fulfiller';
import type { DemoDeps } from '../deps.js';
import { textsFor } from '../texts.js';

/**
 * `customer.validate`: checks the customer ID a CX form collected. An unknown ID is marked
 * INVALID and cleared, so that the form asks for it again; ES has no forms, so there the
 * parameter is just removed from the session.
 */
export function customerValidate(deps: DemoDeps): Handler {
  return (turn) => {
    const t = textsFor(turn.languageCode);
    const customerId = turn.params.string('customer_id')?.trim();
    if (customerId === undefined) return turn.say(t.ask.customer_id);

    const customer = deps.orders.customer(customerId);
    if (customer !== undefined) return turn.say(t.customerValid(customer));

    turn.say(t.customerInvalid(customerId));
    // invalidate() clears the value too; a page without that form parameter (or ES, which has
    // no forms) only gets the session value cleared.
    if (turn.platform === 'cx' && turn.form.has('customer_id')) turn.form.invalidate('customer_id');
    else turn.params.delete('customer_id');
  };
}
