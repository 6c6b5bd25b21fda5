import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCommandLine } from '../../src/cli/run-cli.js';
import { cxRequest, fixtureDocument, writeFixture } from '../../src/testing/index.js';
import { tempDir } from '../testing/support/sample.js';

const AGENT = 'test/agent/fixtures/cx-small';
const APP = 'test/lint/apps/cx-small-full.ts';
const ORDER_STATUS = '7a1e0c52-0002-4000-8000-000000000001';

async function replay(args: string[]): Promise<{ code: unknown; lines: string[] }> {
  const lines: string[] = [];
  const print = (line: string) => lines.push(...line.split('\n'));
  const code = await runCommandLine(['replay', ...args], { env: {}, out: print, err: print });
  return { code, lines };
}

async function fixtures(turns: Parameters<typeof fixtureDocument>[0]): Promise<string> {
  const dir = tempDir('fulfiller-replay-agent-');
  await writeFixture(join(dir, 'cx', 'order.json'), fixtureDocument(turns));
  return dir;
}

describe('fulfiller replay --agent', () => {
  it('reports which call sites the fixtures cover, as a table and as JSON, and fails under --min-coverage', async () => {
    const dir = await fixtures({ request: cxRequest('order.status').page(ORDER_STATUS, 'Order Status'), expect: { texts: ['order.status: done.'] } });
    const out = join(dir, 'coverage.json');
    const { code, lines } = await replay([join(dir, 'cx'), '--app', APP, '--agent', AGENT, '--coverage', '--coverage-out', out, '--min-coverage', '50']);
    expect(lines).toContain('webhook call sites covered: 1 of 4 (25.0 %)');
    expect(lines).toContain('  covered    1  Default Start Flow › Order Status › route 1  (tag order.status, webhook shop:orders)');
    expect(lines).toContain('coverage 25.0 % is below --min-coverage 50 %');
    expect(code).toBe(1);
    const json = JSON.parse(readFileSync(out, 'utf8')) as { percent: number; sites: { path: string; turns: number }[] };
    expect(json.percent).toBe(25);
    expect(json.sites[1]).toMatchObject({ path: 'Default Start Flow › Order Status › route 1', turns: 1 });
    expect((await replay([join(dir, 'cx'), '--app', APP, '--agent', AGENT, '--min-coverage', '25'])).code).toBe(0);
  });

  it('fails a fixture whose tag, transition or parameters the agent does not know', async () => {
    const dir = await fixtures([{ request: cxRequest('ordr.status').page(ORDER_STATUS, 'Order Status') }]);
    const { code, lines } = await replay([join(dir, 'cx'), '--app', 'test/lint/apps/cx-small-half.ts', '--agent', AGENT]);
    expect(code).toBe(1);
    expect(lines.join('\n')).toContain('agent: tag: no fulfillment of the agent has this tag (did you mean "order.status"?)');
  });

  it('exits 2 when the agent cannot be read or a --webhook is unknown, and refuses coverage flags without --agent', async () => {
    const dir = await fixtures({ request: cxRequest('order.status') });
    const missing = await replay([dir, '--app', APP, '--agent', 'no/such/agent']);
    expect(missing.code).toBe(2);
    expect(missing.lines[0]).toContain('fulfiller replay: Cannot read the agent export no/such/agent');
    expect((await replay([dir, '--app', APP, '--agent', AGENT, '--webhook', 'orders'])).code).toBe(2);
    const usage = await replay([dir, '--app', APP, '--coverage']);
    expect([usage.code, usage.lines[0]]).toEqual([2, 'fulfiller replay: --coverage, --coverage-out, --min-coverage and --webhook need --agent PATH']);
  });
});
