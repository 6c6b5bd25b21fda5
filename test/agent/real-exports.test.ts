import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadApp } from '../../src/app/load-app.js';
import { agentTypes, cxRequest, esRequest, lintAgent, readAgent, testClient, type AgentModel } from '../../src/testing/index.js';

/**
 * The real exports of ../shared/agents (made by other people): read, linted against an app that
 * handles what each agent sends and one that handles half, and typed. Skipped, saying so, when
 * ../shared is not next to the checkout (FULFILLER_SHARED_DIR overrides where it is).
 */
const shared = process.env.FULFILLER_SHARED_DIR ?? path.resolve('../shared');
const CX = path.join(shared, 'agents/cx/goodbye-graffiti.zip');
const ES = path.join(shared, 'agents/es/banking/agent-export.zip');
const present = existsSync(CX) && existsSync(ES);
if (!present) console.log(`skipped: the real exports are not in ${path.join(shared, 'agents')}`);

async function findings(agent: AgentModel, appFile: string, webhooks?: string[]): Promise<string[]> {
  const app = await loadApp(appFile, { mode: 'test', env: {} });
  try {
    return lintAgent(agent, app.describe(), { appFile, ...(webhooks ? { webhooks } : {}) }).findings.map((f) => `${f.severity} ${f.rule} ${f.location.path}`);
  } finally {
    await app.close({ graceMs: 100 });
  }
}

(present ? describe : describe.skip)('the real exports in ../shared/agents', () => {
  it('goodbye-graffiti (CX): the full app leaves only the page without a webhook.error handler; the half app misses the tag', async () => {
    const agent = await readAgent(CX);
    expect(await findings(agent, 'test/agent/real-apps/goodbye-graffiti.ts')).toEqual([
      'warning missing-webhook-error-handler Default Start Flow › Enter Location › route 1',
    ]);
    expect(await findings(agent, 'test/agent/real-apps/goodbye-graffiti-half.ts')).toEqual([
      'error unhandled-tag Default Start Flow › Enter Location › route 1',
      "warning unused-route app.tag('geocoding', …)",
      'warning missing-webhook-error-handler Default Start Flow › Enter Location › route 1',
    ]);
    const both = await findings(agent, 'test/agent/real-apps/goodbye-graffiti.ts', [
      'lookup_place',
      'prebuilt_components_address_collection:address_validation',
    ]);
    expect(both).toContain('error flexible-webhook-no-endpoint webhook prebuilt_components_address_collection:address_validation › uri');
  });

  it('goodbye-graffiti (CX): the full app answers a geocode call, and types cover its tags, flows and pages', async () => {
    const agent = await readAgent(CX);
    const client = testClient(await loadApp('test/agent/real-apps/goodbye-graffiti.ts', { mode: 'test', env: {} }));
    const enterLocation = agent.flows.find((f) => f.displayName === 'Default Start Flow')!.pages.find((p) => p.displayName === 'Enter Location')!;
    const reply = await client.send(cxRequest('geocode').page(enterLocation.id, 'Enter Location').params({ location: 'Federation Square' }));
    expect(reply.params).toEqual({ formatted_address: 'Swanston St & Flinders St, Melbourne VIC 3000, Australia' });
    expect(client.coverage(agent).percent).toBe(100);
    const types = agentTypes(agent);
    expect(types).toContain("  tag: 'geocode' | 'validation';\n");
    expect(types).toContain("  flow: 'Address Collection' | 'Default Start Flow' | 'Waiting Room';\n");
    expect(types).toContain("'> address validation api'");
    expect(types).toContain("    'item-damaged': 'door' | 'fence' | 'fountain' | 'garage' | 'other' | 'tree' | 'wall' | 'window';\n");
  });

  it('banking (ES): the full app is clean; the half app misses an intent and routes one whose webhook is off', async () => {
    const agent = await readAgent(ES);
    expect(await findings(agent, 'test/agent/real-apps/banking.ts')).toEqual([]);
    expect(await findings(agent, 'test/agent/real-apps/banking-half.ts')).toEqual([
      'error unhandled-intent intent locations.open_branches',
      'warning intent-webhook-off intent Default Welcome Intent',
    ]);
    const client = testClient(await loadApp('test/agent/real-apps/banking.ts', { mode: 'test', env: {} }));
    const reply = await client.send(esRequest('locations.hours_of_operation').params({ organization: 'Acme', address: 'Chicago' }));
    expect(reply.text).toContain('333 Jackson blvd, Chicago IL');
    const types = agentTypes(agent);
    expect(types).toContain("  action: 'branch-hours' | 'input.unknown' | 'input.welcome' | 'open-branches';\n");
    expect(types).toContain('    address: string;\n');
    expect(types).toMatch(/ {4}organization: 'ATB Financial' \| 'Acme bank' \| .* \| 'Wintrust Financial Corp';\n/);
  });
});
