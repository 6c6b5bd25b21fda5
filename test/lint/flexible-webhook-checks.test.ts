import { readFileSync } from 'node:fs';
import { checkFlexibleWebhook, type EndpointShape, type FlexibleWebhookInput } from '../../src/testing/index.js';

/**
 * The lint checks of a CX flexible webhook against the app's endpoints, on the real export's
 * webhook (the Address Validation call of goodbye-graffiti: a body template and thirteen
 * JSONPath mappings with filters) and on made-up ones for each way a webhook can drift.
 */
const real = JSON.parse(readFileSync(new URL('./fixtures/address-validation-webhook.json', import.meta.url), 'utf8')) as {
  displayName: string;
  genericWebService: { uri: string; httpMethod: string; requestBody: string; parameterMapping: { key: string; value: string }[] };
};
const service = real.genericWebService;
const realWebhook: FlexibleWebhookInput = {
  name: real.displayName,
  method: service.httpMethod,
  url: service.uri,
  requestBody: service.requestBody,
  parameterMapping: Object.fromEntries(service.parameterMapping.map((m) => [m.key, m.value])),
};

const component = {
  type: 'object',
  properties: {
    componentName: { type: 'object', properties: { text: { type: 'string' } } },
    componentType: { type: 'string', enum: ['route', 'locality', 'country', 'postal_code', 'street_number', 'administrative_area_level_1', 'archipelago'] },
    confirmationLevel: { type: 'string', enum: ['CONFIRMED', 'UNCONFIRMED_BUT_PLAUSIBLE', 'UNCONFIRMED_AND_SUSPICIOUS'] },
    inferred: { type: 'boolean' },
  },
};
const validation: EndpointShape = {
  method: 'POST',
  path: '/v1:validateAddress',
  request: { type: 'object', properties: { address: { type: 'string', minLength: 3 } }, required: ['address'], additionalProperties: false },
  response: {
    type: 'object',
    properties: {
      result: {
        type: 'object',
        properties: {
          address: {
            type: 'object',
            properties: {
              addressComponents: { type: 'array', items: component },
              missingComponentTypes: { type: 'array', items: { type: 'string' } },
              postalAddress: { type: 'object', properties: { regionCode: { type: 'string' } } },
            },
          },
        },
      },
    },
  },
};

const customer: EndpointShape = {
  method: 'POST',
  path: '/customers/{customerId}/validate',
  request: {
    type: 'object',
    properties: { customerId: { type: 'string', pattern: '^\\d+$' }, attempts: { type: 'integer' }, note: { type: 'string' } },
    required: ['customerId'],
    additionalProperties: false,
  },
  response: { type: 'object', properties: { valid: { type: 'boolean' }, name: { type: 'string' } }, required: ['valid'] },
};

function webhook(overrides: Partial<FlexibleWebhookInput> = {}): FlexibleWebhookInput {
  return {
    name: 'customer-validation',
    method: 'POST',
    url: 'https://fulfiller.example.com/customers/$session.params.customer_id/validate',
    requestBody: '{ "customerId": "$session.params.customer_id", "attempts": $flow.attempts, "note": "asked by $session.params.agent" }',
    parameterMapping: { '$session.params.customer_valid': '$.valid', '$session.params.customer_name': '$.name' },
    ...overrides,
  };
}

describe('checkFlexibleWebhook', () => {
  it("finds nothing wrong with the real export's webhook against an endpoint of its shape", () => {
    expect(checkFlexibleWebhook(realWebhook, [validation])).toEqual([]);
  });

  it('finds a mapping that selects nothing the response schema can produce', () => {
    const withoutMissing = structuredClone(validation);
    type Node = { properties: Record<string, Node> };
    delete (withoutMissing.response as unknown as Node).properties.result!.properties.address!.properties.missingComponentTypes;
    expect(checkFlexibleWebhook(realWebhook, [withoutMissing])).toEqual([
      expect.objectContaining({ rule: 'flexible-webhook-mapping', severity: 'error', at: 'parameterMapping.$flow.missing_elems', subject: realWebhook.name }),
    ]);
  });

  it('passes a webhook whose references fill its template (quoted as text, unquoted as values, inside text)', () => {
    expect(checkFlexibleWebhook(webhook(), [customer])).toEqual([]);
  });

  it('reports a missing endpoint, or one that takes another method', () => {
    expect(checkFlexibleWebhook(webhook({ url: 'https://x.example.com/customers/check' }), [customer])).toEqual([
      expect.objectContaining({ rule: 'flexible-webhook-no-endpoint', message: expect.stringContaining('no endpoint of the app serves it') }),
    ]);
    expect(checkFlexibleWebhook(webhook({ method: 'PUT' }), [customer])[0]!.message).toContain('serves that path with POST only');
  });

  it('reports a template the request schema refuses, naming the field', () => {
    const [missing] = checkFlexibleWebhook(webhook({ requestBody: '{ "note": "hi" }' }), [customer]);
    expect(missing).toMatchObject({ rule: 'flexible-webhook-body', at: 'requestBody.customerId', message: expect.stringContaining('customerId: is required') });
    const [extra] = checkFlexibleWebhook(webhook({ requestBody: '{ "customerId": "$session.params.id", "custmer": 1 }' }), [customer]);
    expect(extra!.message).toContain('unknown field "custmer"');
    const [quoted] = checkFlexibleWebhook(webhook({ requestBody: '{ "customerId": "$session.params.id", "attempts": "$flow.attempts" }' }), [customer]);
    expect(quoted).toMatchObject({ at: 'requestBody.attempts', message: expect.stringContaining('remove the quotes') });
    const [broken] = checkFlexibleWebhook(webhook({ requestBody: '{ "customerId": ' }), [customer]);
    expect(broken!.message).toContain('is not JSON');
  });

  it('reports a mapping that is not a JSONPath it can read, or selects nothing', () => {
    const findings = checkFlexibleWebhook(webhook({ parameterMapping: { '$session.params.tier': '$.tier' } }), [customer]);
    expect(findings).toEqual([expect.objectContaining({ rule: 'flexible-webhook-mapping', at: 'parameterMapping.$session.params.tier' })]);
  });

  it('strips the path the app is mounted under', () => {
    const mounted = webhook({ url: 'https://x.example.com/api/customers/$session.params.id/validate' });
    expect(checkFlexibleWebhook(mounted, [customer], { basePath: '/api' })).toEqual([]);
    expect(checkFlexibleWebhook(mounted, [customer], { basePath: '/other' })[0]!.rule).toBe('flexible-webhook-no-endpoint');
  });
});
