import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { allOf, anyOf, apiKey, basicAuth, googleIdToken, hmacSignature, type Fulfiller } from '../../src/index.js';
import { openapiCommand } from '../../src/cli/openapi-command.js';
import { runCommandLine } from '../../src/cli/run-cli.js';
import { testApp } from '../support/app.js';

/**
 * `app.openapi()` and `fulfiller openapi`: the OpenAPI 3.0 document of an app's endpoints, as a
 * playbook tool takes it, checked by an OpenAPI validator (@apidevtools/swagger-parser).
 */
function ordersApp(options: Parameters<typeof testApp>[0] = {}): Fulfiller {
  const { app } = testApp(options);
  app.endpoint(
    {
      method: 'GET',
      path: '/orders/{orderNumber}',
      description: 'Looks up one order by its number (like A-1003): its status and when it arrives. Call it when the user asks where an order is.',
      summary: 'Order lookup',
      params: {
        type: 'object',
        properties: { orderNumber: { type: 'string', pattern: '^[A-Z]-\\d+$', description: 'The order number.' } },
        required: ['orderNumber'],
      },
      query: { type: 'object', properties: { lang: { type: 'string', enum: ['en', 'ja'] } }, required: [] },
      response: {
        type: 'object',
        properties: {
          number: { type: 'string', examples: ['A-1003'] },
          status: { type: ['string', 'null'] },
          eta: { const: 'soon' },
          total: { type: 'number', exclusiveMinimum: 0 },
        },
        required: ['number'],
      },
    },
    ({ params }) => ({ number: params.orderNumber, status: null, eta: 'soon', total: 1 }),
  );
  app.endpoint(
    {
      method: 'POST',
      path: '/customers/validate',
      description: 'Checks that a customer id exists.',
      request: { type: 'object', properties: { customerId: { type: 'string' } }, required: ['customerId'], additionalProperties: false },
      response: { type: 'object', properties: { valid: { type: 'boolean' } }, required: ['valid'] },
    },
    () => ({ valid: true }),
  );
  return app;
}

async function validated(document: Record<string, unknown>): Promise<void> {
  await SwaggerParser.validate(structuredClone(document) as never);
}

describe('OpenAPI document of the endpoints', () => {
  it('describes each endpoint as an operation a validator accepts', async () => {
    const document = ordersApp().openapi({ server: 'https://orders.example.com', title: 'Orders' });
    await validated(document);
    expect(document).toMatchObject({ openapi: '3.0.3', info: { title: 'Orders', version: '1.0.0' }, servers: [{ url: 'https://orders.example.com' }] });
    const get = (document.paths as Record<string, Record<string, Record<string, unknown>>>)['/orders/{orderNumber}']!.get!;
    expect(get).toMatchObject({
      operationId: 'getOrdersByOrderNumber',
      summary: 'Order lookup',
      description: expect.stringContaining('Call it when the user asks'),
      parameters: [
        { name: 'orderNumber', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Z]-\\d+$' } },
        { name: 'lang', in: 'query', required: false, schema: { enum: ['en', 'ja'] } },
      ],
    });
    const schema = (get.responses as Record<string, { content: Record<string, { schema: { properties: Record<string, unknown> } }> }>)['200']!.content[
      'application/json'
    ]!.schema;
    expect(schema.properties).toEqual({
      number: { type: 'string', example: 'A-1003' },
      status: { type: 'string', nullable: true },
      eta: { enum: ['soon'] },
      total: { type: 'number', minimum: 0, exclusiveMinimum: true },
    });
    const post = (document.paths as Record<string, Record<string, Record<string, unknown>>>)['/customers/validate']!.post!;
    expect(post).toMatchObject({ operationId: 'postCustomersValidate', requestBody: { required: true } });
    expect(document.security).toBeUndefined();
  });

  it("names the security schemes of the app's auth", async () => {
    const auth = anyOf(
      apiKey({ keys: ['k'], header: 'x-tool-key' }),
      allOf(
        googleIdToken({ audience: 'https://orders.example.com', serviceAccounts: ['sa@example.iam.gserviceaccount.com'] }),
        basicAuth({ users: [{ user: 'u', password: 'p' }] }),
      ),
      hmacSignature({ secrets: ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'] }),
    );
    const document = ordersApp({ auth }).openapi();
    await validated(document);
    expect((document.components as Record<string, unknown>).securitySchemes).toEqual({
      'apiKey_x-tool-key': { type: 'apiKey', in: 'header', name: 'x-tool-key' },
      googleIdToken: expect.objectContaining({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }),
      basicAuth: { type: 'http', scheme: 'basic' },
    });
    expect(document.security).toEqual([{ 'apiKey_x-tool-key': [] }, { googleIdToken: [], basicAuth: [] }]);
  });

  it('is printed by fulfiller openapi --app FILE --server URL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'openapi-'));
    const file = join(dir, 'app.mjs');
    writeFileSync(
      file,
      "export default (app) => app.endpoint({ method: 'GET', path: '/ping', description: 'Answers pong.', response: { type: 'object', properties: { pong: { type: 'boolean' } } } }, () => ({ pong: true }));\n",
    );
    const lines: string[] = [];
    expect(await openapiCommand(['--app', file, '--server', 'https://x.example.com'], {}, (line) => lines.push(line))).toBe(0);
    const document = JSON.parse(lines.join('\n')) as Record<string, unknown>;
    await validated(document);
    expect(document.paths).toHaveProperty(['/ping', 'get', 'operationId'], 'getPing');
    const io = { env: {}, out: () => {}, err: () => {} };
    expect(await runCommandLine(['openapi', '--server', 'x'], io)).toBe(2);
    expect(await runCommandLine(['openapi', '--app', join(dir, 'missing.mjs')], io)).toBe(2);
  });
});
