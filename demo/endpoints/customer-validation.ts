import type { Fulfiller } from 'dialogflow-fulfiller';
import type { DemoDeps } from '../deps.js';

/**
 * `POST /customers/validate`: the demo's CX flexible webhook. The designer's webhook sends the
 * body template `{ "customerId": "$session.params.customer_id" }` and maps the answer back into
 * session parameters (`$session.params.customer_valid` ← `$.valid`, `$session.params.customer_name`
 * ← `$.name`); the page's routes then branch on `customer_valid`. An unknown customer is an
 * answer (`valid: false`), not an error: the agent asks again, politely.
 */
export function customerValidation(app: Fulfiller, deps: DemoDeps): void {
  app.endpoint(
    {
      method: 'POST',
      path: '/customers/validate',
      summary: 'Customer validation',
      description: 'Checks that a customer id belongs to a customer, and gives the name to greet them with. Unknown ids answer valid: false.',
      request: {
        type: 'object',
        properties: { customerId: { type: 'string', minLength: 1, maxLength: 32, description: 'The id the caller gave, as collected by the agent.' } },
        required: ['customerId'],
        additionalProperties: false,
      },
      response: {
        type: 'object',
        properties: {
          valid: { type: 'boolean', description: 'Whether a customer has this id.' },
          customerId: { type: 'string' },
          name: { type: 'string', description: "The customer's name, when valid." },
        },
        required: ['valid', 'customerId'],
        additionalProperties: false,
      },
    },
    ({ body }) => {
      const customerId = body.customerId.trim();
      const customer = deps.orders.customer(customerId);
      return customer === undefined ? { valid: false, customerId } : { valid: true, customerId, name: customer.name };
    },
  );
}
