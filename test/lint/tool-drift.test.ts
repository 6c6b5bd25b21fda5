import { stringify } from 'yaml';
import { checkToolDrift } from '../../src/testing/index.js';
import { testApp } from '../support/app.js';

/**
 * Drift between a playbook tool's stored OpenAPI schema and the app's own document: what the
 * tool sends that the endpoint refuses, what the endpoint requires that the tool never sends.
 */
function appDocument(): Record<string, unknown> {
  const { app } = testApp();
  app.endpoint(
    {
      method: 'POST',
      path: '/orders/{orderNumber}/returns',
      description: 'Starts a return of items of an order.',
      query: { type: 'object', properties: { lang: { type: 'string' } }, required: ['lang'] },
      request: {
        type: 'object',
        properties: {
          items: { type: 'array', items: { type: 'string' } },
          reason: { type: 'string' },
          contact: { type: 'object', properties: { phone: { type: 'string' } }, additionalProperties: false },
        },
        required: ['items', 'reason'],
        additionalProperties: false,
      },
      response: { type: 'object', properties: { returnNumber: { type: 'string' } }, required: ['returnNumber'] },
    },
    () => ({ returnNumber: 'R-1' }),
  );
  return app.openapi({ server: 'https://orders.example.com' });
}

// biome-ignore lint/suspicious/noExplicitAny: the tests edit a free-form OpenAPI document in place
type Doc = Record<string, any>;

function toolFrom(edit: (document: Doc) => void): { name: string; schemaText: string } {
  const document = structuredClone(appDocument()) as Doc;
  edit(document);
  return { name: 'returns-tool', schemaText: stringify(document) };
}

const operation = (document: Doc): Doc => document.paths['/orders/{orderNumber}/returns'].post;
const body = (document: Doc): Doc => operation(document).requestBody.content['application/json'].schema;

describe('checkToolDrift', () => {
  it("finds nothing between the app's document (as YAML) and itself", () => {
    expect(
      checkToolDrift(
        toolFrom(() => {}),
        appDocument(),
      ),
    ).toEqual([]);
    expect(checkToolDrift({ name: 't', schemaText: JSON.stringify(appDocument()) }, appDocument())).toEqual([]);
  });

  it('reports a field the tool sends that the endpoint refuses, and a wrong type', () => {
    const tool = toolFrom((d) => {
      body(d).properties.giftWrap = { type: 'boolean' };
      body(d).properties.reason = { type: 'integer' };
      body(d).properties.contact.properties.email = { type: 'string' };
    });
    expect(checkToolDrift(tool, appDocument())).toEqual([
      expect.objectContaining({ rule: 'tool-drift-type', severity: 'error', at: 'POST /orders/{orderNumber}/returns body.reason', subject: 'returns-tool' }),
      expect.objectContaining({ rule: 'tool-drift-unknown-field', severity: 'error', at: 'POST /orders/{orderNumber}/returns body.contact.email' }),
      expect.objectContaining({ rule: 'tool-drift-unknown-field', severity: 'error', at: 'POST /orders/{orderNumber}/returns body.giftWrap' }),
    ]);
  });

  it('reports a required field the tool never sends (error) or may leave out (warning)', () => {
    const tool = toolFrom((d) => {
      delete body(d).properties.items;
      body(d).required = [];
      operation(d).parameters = operation(d).parameters.filter((p: Doc) => p.in !== 'query');
    });
    const findings = checkToolDrift(tool, appDocument());
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: 'tool-drift-required', severity: 'error', message: expect.stringContaining('never sends the query parameter "lang"') }),
        expect.objectContaining({ rule: 'tool-drift-required', severity: 'error', message: expect.stringContaining('never sends "items"') }),
        expect.objectContaining({ rule: 'tool-drift-optional', severity: 'warning', message: expect.stringContaining('may leave out "reason"') }),
      ]),
    );
    expect(findings).toHaveLength(3);
  });

  it('reports an operation the app does not serve, an answer field it never returns, and an unreadable schema', () => {
    const tool = toolFrom((d) => {
      d.paths['/orders/{id}'] = { get: { operationId: 'getOrder', responses: { '200': { description: 'x' } } } };
      operation(d).responses['200'].content['application/json'].schema.properties.refund = { type: 'number' };
    });
    expect(checkToolDrift(tool, appDocument())).toEqual([
      expect.objectContaining({ rule: 'tool-drift-response', severity: 'warning', at: 'POST /orders/{orderNumber}/returns response.refund' }),
      expect.objectContaining({ rule: 'tool-drift-no-endpoint', severity: 'error', at: 'GET /orders/{id}' }),
    ]);
    expect(checkToolDrift({ name: 'x', schemaText: 'openapi: [' }, appDocument())[0]!.rule).toBe('tool-schema-unreadable');
  });
});
