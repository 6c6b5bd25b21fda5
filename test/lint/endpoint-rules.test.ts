import { createFulfiller } from '../../src/index.js';
import { lintAgent, loadApp, readAgent } from '../../src/testing/index.js';

/**
 * The lint rules of the JSON endpoints, on the demo's own CX export: its flexible webhook
 * (customer-validation) and its playbook tool (order-lookup) both call the demo app's host, so
 * they are held against the app's endpoints and OpenAPI document.
 */
const DEMO_ENV = { DEMO_TODAY: '2026-11-27' };
const endpointRules = (rule: string): boolean => rule.startsWith('flexible-webhook') || rule.startsWith('tool-');

describe('lint: flexible webhooks and playbook tools against the app', () => {
  it('the demo app serves its export: no findings', async () => {
    const app = await loadApp('demo/app.ts', { mode: 'test', env: DEMO_ENV });
    try {
      const report = lintAgent(await readAgent('demo/agent/cx'), app.describe(), { appFile: 'demo/app.ts' });
      expect(report.served).toEqual(['customer-validation', 'fulfiller-demo']);
      expect(report.findings.filter((f) => endpointRules(f.rule))).toEqual([]);
    } finally {
      await app.close({ graceMs: 0 });
    }
  });

  it('an app whose endpoint takes another body and returns other fields, and lacks the tool, is told each, where it is', async () => {
    const app = createFulfiller({ mode: 'test', env: {} });
    app.endpoint(
      {
        method: 'POST',
        path: '/customers/validate',
        description: 'Validates a customer.',
        request: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'], additionalProperties: false },
        response: { type: 'object', properties: { ok: { type: 'boolean' } } },
      },
      () => ({ ok: true }),
    );
    const report = lintAgent(await readAgent('demo/agent/cx'), app.describe(), { appFile: 'app.ts' });
    expect(report.findings.filter((f) => endpointRules(f.rule)).map((f) => `${f.severity} ${f.rule} ${f.location.file}`)).toEqual([
      'error flexible-webhook-body webhooks/customer-validation.json',
      'error flexible-webhook-mapping webhooks/customer-validation.json',
      'error flexible-webhook-mapping webhooks/customer-validation.json',
      'error tool-drift-no-endpoint tools/order-lookup/order-lookup.json',
    ]);
  });

  it('a flexible webhook that calls no endpoint of the app at all', async () => {
    const report = lintAgent(await readAgent('demo/agent/cx'), createFulfiller({ mode: 'test', env: {} }).describe(), { appFile: 'app.ts' });
    const found = report.findings.find((f) => f.rule === 'flexible-webhook-no-endpoint');
    expect(found?.message).toContain('calls POST /customers/validate, and no endpoint of the app serves it');
  });
});
