// biome-ignore-all lint/suspicious/noExplicitAny: export files are read as free-form JSON
import { readFileSync } from 'node:fs';
import { checkFlexibleWebhook, checkToolDrift, loadApp } from '../../src/testing/index.js';

/**
 * The demo agent's flexible webhook and playbook tool (demo/agent/cx, in the export's shapes)
 * agree with the demo app's endpoints: what `fulfiller lint` checks on an export, run here on
 * the demo's own.
 */
const read = (file: string): Record<string, any> => JSON.parse(readFileSync(new URL(`../../demo/agent/cx/${file}`, import.meta.url), 'utf8'));

describe("the demo agent's flexible webhook and tool", () => {
  it('match the demo app: no lint findings', async () => {
    const app = await loadApp('demo/app.ts', { mode: 'test', env: { DEMO_TODAY: '2026-11-27' } });
    try {
      const webhook = read('webhooks/customer-validation.json');
      const service = webhook.genericWebService;
      const findings = checkFlexibleWebhook(
        {
          name: webhook.displayName,
          method: service.httpMethod,
          url: service.uri,
          requestBody: service.requestBody,
          parameterMapping: Object.fromEntries(service.parameterMapping.map((m: { key: string; value: string }) => [m.key, m.value])),
        },
        app.endpoints,
      );
      expect(findings).toEqual([]);
      const tool = read('tools/order-lookup/order-lookup.json');
      expect(checkToolDrift({ name: tool.displayName, schemaText: tool.openApiSpec.textSchema }, app.openapi())).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
