/**
 * The benchmark's endpoint app: one typed JSON endpoint with a small schema, as a CX flexible
 * webhook calls it (`POST /customers/validate`, body `{ "customerId": "12345" }`). Its request
 * and response are checked against their schemas on every call, like the demo's.
 */
export default function setup(app) {
  app.endpoint(
    {
      method: 'POST',
      path: '/customers/validate',
      description: 'Checks that a customer id belongs to a customer.',
      request: { type: 'object', properties: { customerId: { type: 'string', minLength: 1 } }, required: ['customerId'], additionalProperties: false },
      response: {
        type: 'object',
        properties: { valid: { type: 'boolean' }, customerId: { type: 'string' } },
        required: ['valid', 'customerId'],
        additionalProperties: false,
      },
    },
    ({ body }) => ({ valid: body.customerId === '12345', customerId: body.customerId }),
  );
}
