import { compileSnippets } from '../support/compile.js';

/**
 * `app.endpoint()` as the compiler sees it: the body, query, path parameters and result typed
 * from the definition's JSON Schemas (json-schema-to-ts), literal results kept literal, and a
 * result or a use the schema does not allow refused.
 */
const ORDER = `
  const order = {
    type: 'object',
    properties: { number: { type: 'string' }, status: { type: 'string', enum: ['preparing', 'shipped'] }, items: { type: 'array', items: { type: 'string' } } },
    required: ['number', 'status'],
    additionalProperties: false,
  } as const;
`;

const results = compileSnippets({
  typed: `
    import { createFulfiller, httpError, type EndpointHandler } from 'dialogflow-fulfiller';
    ${ORDER}
    const app = createFulfiller();
    app.endpoint({ method: 'GET', path: '/orders/{orderNumber}/items/{index}', description: 'x', response: order }, ({ params, query, signal, caller, deadline }) => {
      const number: string = params.orderNumber;
      const index: string = params.index;
      const raw: string | string[] | undefined = query.page;
      void signal; void caller; void deadline; void raw;
      if (number === 'none') throw httpError(404, 'No such order.', { code: 'ORDER_NOT_FOUND' });
      return { number, status: 'shipped', items: [index] };
    });
    app.endpoint(
      {
        method: 'POST', path: '/returns', description: 'x',
        request: { type: 'object', properties: { items: { type: 'array', items: { type: 'string' } }, reason: { type: 'string' } }, required: ['items'] },
        query: { type: 'object', properties: { dryRun: { type: 'boolean' } } },
        response: { type: 'object', properties: { count: { type: 'integer' } }, required: ['count'] },
      },
      async ({ body, query }) => ({ count: query.dryRun === true ? 0 : body.items.length + (body.reason?.length ?? 0) }),
    );
    const handler: EndpointHandler<{ method: 'GET'; path: '/x'; description: 'x'; response: typeof order }> = () => ({ number: 'n', status: 'preparing' });
    void handler;
  `,
  wrongEnum: `
    import { createFulfiller } from 'dialogflow-fulfiller';
    ${ORDER}
    createFulfiller().endpoint({ method: 'GET', path: '/o', description: 'x', response: order }, () => ({ number: 'n', status: 'lost' }));
  `,
  missingField: `
    import { createFulfiller } from 'dialogflow-fulfiller';
    ${ORDER}
    createFulfiller().endpoint({ method: 'GET', path: '/o', description: 'x', response: order }, () => ({ status: 'shipped' }));
  `,
  unknownParam: `
    import { createFulfiller } from 'dialogflow-fulfiller';
    ${ORDER}
    createFulfiller().endpoint({ method: 'GET', path: '/orders/{orderNumber}', description: 'x', response: order }, ({ params }) => ({ number: params.id, status: 'shipped' }));
  `,
  bodyIsTyped: `
    import { createFulfiller } from 'dialogflow-fulfiller';
    createFulfiller().endpoint(
      { method: 'POST', path: '/c', description: 'x', request: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] }, response: { type: 'integer' } },
      ({ body }) => body.id.toFixed(0),
    );
  `,
});

describe('endpoint typing', () => {
  it('types the call and the result from the schemas', () => {
    expect(results.typed).toEqual([]);
  });

  it('refuses a result the response schema does not describe', () => {
    expect(results.wrongEnum!.join('\n')).toMatch(/"lost"/);
    expect(results.missingField!.join('\n')).toMatch(/number/);
  });

  it('refuses a path parameter the path does not have, and a misuse of the body', () => {
    expect(results.unknownParam!.join('\n')).toMatch(/Property 'id' does not exist/);
    expect(results.bodyIsTyped!.join('\n')).toMatch(/toFixed/);
  });
});
