import { httpError, type Fulfiller } from 'dialogflow-fulfiller';
import type { DemoDeps } from '../deps.js';

/**
 * `GET /orders/{orderNumber}`: the demo's playbook tool. Its description is what the playbook's
 * model reads (in the OpenAPI document `fulfiller openapi` prints) to decide when to call it;
 * an unknown number is a 404 with its own code, which the model can tell the user about.
 */
export function orderLookup(app: Fulfiller, deps: DemoDeps): void {
  app.endpoint(
    {
      method: 'GET',
      path: '/orders/{orderNumber}',
      operationId: 'lookUpOrder',
      summary: 'Order lookup',
      description:
        'Looks up one order by its number (like A-1003): its status (preparing, shipped or delivered), when it was ordered, when it is expected or was delivered, and its items. Call it when the user gives an order number and asks where the order is or what is in it.',
      params: {
        type: 'object',
        properties: { orderNumber: { type: 'string', pattern: '^[A-Za-z]-\\d{1,8}$', description: 'The order number, like A-1003.' } },
        required: ['orderNumber'],
      },
      response: {
        type: 'object',
        properties: {
          orderNumber: { type: 'string' },
          status: { type: 'string', enum: ['preparing', 'shipped', 'delivered'] },
          orderedOn: { type: 'string', format: 'date' },
          expectedOn: { type: 'string', format: 'date' },
          deliveredOn: { type: 'string', format: 'date' },
          items: {
            type: 'array',
            items: {
              type: 'object',
              properties: { sku: { type: 'string' }, name: { type: 'string' }, quantity: { type: 'integer', minimum: 1 } },
              required: ['sku', 'name', 'quantity'],
              additionalProperties: false,
            },
          },
        },
        required: ['orderNumber', 'status', 'orderedOn', 'items'],
        additionalProperties: false,
      },
    },
    ({ params }) => {
      const order = deps.orders.order(params.orderNumber.toUpperCase());
      if (order === undefined) throw httpError(404, `There is no order ${params.orderNumber}.`, { code: 'ORDER_NOT_FOUND' });
      return {
        orderNumber: order.number,
        status: order.status,
        orderedOn: order.orderedOn,
        ...(order.expectedOn === null ? {} : { expectedOn: order.expectedOn }),
        ...(order.deliveredOn === null ? {} : { deliveredOn: order.deliveredOn }),
        items: order.items,
      };
    },
  );
}
