import { readFileSync } from 'node:fs';
import { loadApp } from '../../src/app/load-app.js';
import { typesCommand } from '../../src/cli/types-command.js';
import {
  agentCoverage,
  appTarget,
  checkAgainstAgent,
  describeOutcome,
  lintAgent,
  loadFixtures,
  readAgent,
  runFixture,
  type SentRequest,
} from '../../src/testing/index.js';
import { exportShapes } from '../../scripts/agent-shapes/export-shapes.js';
import { beyond, type Shape } from '../../scripts/agent-shapes/json-shape.js';
import { zipDemoAgents } from '../../scripts/zip-demo-agent.js';
import { tempDir } from '../testing/support/sample.js';
import { DEMO_USE_CASES } from './requests.js';

/**
 * The demo agent's exports (demo/agent/cx, demo/agent/es): importable into the consoles (same
 * layout and field shapes as the real exports in ../shared/agents, whose shapes are committed in
 * test/agent/fixtures/real-export-shapes.json), lint-clean against the demo app, and fully
 * covered by the demo's fixtures.
 */
const DEMO_ENV = { DEMO_TODAY: '2026-11-27', DEMO_REPORT_MS: '50' };
const REAL = JSON.parse(readFileSync('test/agent/fixtures/real-export-shapes.json', 'utf8')) as Record<'cx' | 'es', Record<string, Shape>>;

// Fields of Google's protos that the real samples happen not to use (a one-language agent, no list parameters).
const PROTO_FIELDS_THE_SAMPLES_LACK = [
  'agent displayName: not in the real exports',
  'agent description: not in the real exports',
  'agent supportedLanguageCodes: not in the real exports',
  'flow eventHandlers[].targetPage: not in the real exports',
  'intent parameters[].isList: not in the real exports',
  'page form.parameters[].isList: not in the real exports',
  'page form.parameters[].defaultValue: not in the real exports',
];

describe.each(['cx', 'es'] as const)('demo/agent/%s', (dialect) => {
  it('has the layout and field shapes of a real export, read back by the same reader', async () => {
    const shapes = await exportShapes(`demo/agent/${dialect}`, dialect);
    expect(Object.keys(shapes)).toEqual(Object.keys(REAL[dialect]));
    const differences = Object.entries(shapes).flatMap(([kind, shape]) => beyond(shape, REAL[dialect][kind]!).map((p) => `${kind} ${p}`));
    expect(differences.filter((d) => !PROTO_FIELDS_THE_SAMPLES_LACK.includes(d))).toEqual([]);
  });

  it('speaks English and Japanese, with training phrases in both for every intent, and a placeholder webhook URL', async () => {
    const agent = await readAgent(`demo/agent/${dialect}`);
    expect(agent.languages).toEqual(['en', 'ja']);
    for (const name of DEMO_USE_CASES) expect(Object.keys(agent.intents.find((i) => i.displayName === name)!.trainingPhrases).sort()).toEqual(['en', 'ja']);
    // CX has the flexible webhook of the demo's customer validation endpoint beside the standard one.
    const urls = dialect === 'cx' ? ['https://YOUR-FULFILLER-SERVICE.example.com/customers/validate'] : [];
    expect(agent.webhooks.map((w) => w.url)).toEqual([...urls, 'https://YOUR-FULFILLER-SERVICE.example.com/webhook']);
    expect(agent.entityTypes.map((e) => e.displayName).sort()).toEqual(['account-id', 'customer-id', 'order-number']);
  });

  it('is lint-clean against the demo app, warnings included', async () => {
    const app = await loadApp('demo/app.ts', { mode: 'test', env: DEMO_ENV });
    try {
      const report = lintAgent(await readAgent(`demo/agent/${dialect}`), app.describe());
      expect(report.findings).toEqual([]);
      // CX: the standard webhook, and the flexible one of the customer validation endpoint on the same host.
      expect(report.served).toEqual(dialect === 'cx' ? ['customer-validation', 'fulfiller-demo'] : ['webhook']);
    } finally {
      await app.close({ graceMs: 100 });
    }
  });

  it("the demo's fixtures pass the agent's checks and cover every webhook call site", async () => {
    const agent = await readAgent(`demo/agent/${dialect}`);
    const sent: SentRequest[] = [];
    for (const item of await loadFixtures([`fixtures/${dialect}`])) {
      if ('error' in item) throw item.error;
      if (item.fixture.kind === 'endpoint') continue;
      const app = await loadApp('demo/app.ts', { mode: 'test', env: DEMO_ENV });
      try {
        const outcome = await runFixture(item.fixture, appTarget(app), { retryEveryMs: 20 });
        if (!outcome.passed) throw new Error(`${item.file} failed:\n${describeOutcome(outcome).join('\n')}`);
        for (const turn of outcome.turns) {
          expect(checkAgainstAgent(agent, turn.request, turn.reply)).toEqual([]);
          sent.push({ dialect, request: turn.request! });
        }
      } finally {
        await app.close({ graceMs: 100 });
      }
    }
    const coverage = agentCoverage(agent, sent);
    expect(coverage.sites.filter((s) => s.turns === 0).map((s) => s.site.location.path)).toEqual([]);
    expect([coverage.covered, coverage.percent]).toEqual([9, 100]);
  });
});

describe('demo/agent-types', () => {
  it.each([
    ['cx', 'CxAgent'],
    ['es', 'EsAgent'],
  ])('%s.ts is what fulfiller types makes of the export (regenerate: fulfiller types --agent demo/agent/%s --out … --name …)', async (dialect, name) => {
    const lines: string[] = [];
    const code = await typesCommand(['--agent', `demo/agent/${dialect}`, '--out', `demo/agent-types/${dialect}.ts`, '--name', name, '--check'], {
      out: (line) => lines.push(line),
    });
    expect([code, lines]).toEqual([0, [`demo/agent-types/${dialect}.ts is up to date with demo/agent/${dialect}`]]);
  });
});

describe('demo/agent/cx', () => {
  it('validates customer_id in the Identify Customer form, and every flow handles webhook.error', async () => {
    const agent = await readAgent('demo/agent/cx');
    const page = agent.flows.flatMap((f) => f.pages).find((p) => p.displayName === 'Identify Customer')!;
    expect(page.form.map((p) => [p.displayName, p.entityType, p.required])).toEqual([['customer_id', '@customer-id', true]]);
    expect(agent.callSites.find((s) => s.tag === 'customer.validate')!.location.path).toBe('Default Start Flow › Identify Customer › route 1');
    for (const flow of agent.flows) expect(flow.start.eventHandlers.map((h) => h.event)).toContain('webhook.error');
  });
});

describe('npm run demo:agent', () => {
  it('zips each export with agent.json at the root, and the zip reads back to the same agent', async () => {
    const out = tempDir('fulfiller-demo-zip-');
    const zips = zipDemoAgents(out);
    expect(zips.map((z) => z.slice(out.length))).toEqual(['/fulfiller-demo-cx.zip', '/fulfiller-demo-es.zip']);
    for (const [i, dialect] of (['cx', 'es'] as const).entries()) {
      const { source: _a, ...zipped } = await readAgent(zips[i]!);
      const { source: _b, ...folder } = await readAgent(`demo/agent/${dialect}`);
      expect(zipped).toEqual(folder);
    }
  });
});
