import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Zip, ZipDeflate } from 'fflate';
import { FulfillerError } from '../../src/index.js';
import { readAgent, type AgentModel } from '../../src/testing/index.js';
import { tempDir } from '../testing/support/sample.js';
import { entriesOf, zipOf, type ZipEntries } from './support/zip.js';

const FIXTURES = 'test/agent/fixtures';
const SECRETS = ['SECRET-KEY-IN-URL', 'SECRET-USER', 'SECRET-PASSWORD', 'SECRET-HEADER-VALUE', 'SECRET-TOKEN-IN-URL'];

/** Writes a zip (or plain bytes) to a temporary file and returns its path. */
function file(name: string, content: Uint8Array | string): string {
  const path = join(tempDir('fulfiller-agent-'), name);
  writeFileSync(path, content);
  return path;
}

async function failure(path: string, options = {}): Promise<FulfillerError> {
  const error = await readAgent(path, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof FulfillerError)) throw new Error(`expected a FulfillerError, got ${String(error)}`);
  return error;
}

/** The model without where it was read from, to compare a zip with its folder. */
function withoutSource(agent: AgentModel): Omit<AgentModel, 'source'> {
  const { source: _source, ...rest } = agent;
  return rest;
}

describe('readAgent: a Dialogflow CX JSON package', () => {
  it('reads a zip with an agent/ prefix, __MACOSX junk, a BOM and %3a names, by display names from the JSON', async () => {
    const agent = await readAgent(`${FIXTURES}/cx-small.zip`);
    expect(agent).toMatchObject({ dialect: 'cx', displayName: 'Small Shop', defaultLanguage: 'en', languages: ['en', 'ja'] });
    const [flow] = agent.flows;
    expect(flow!.displayName).toBe('Default Start Flow');
    expect(flow!.id).toBe('00000000-0000-0000-0000-000000000000');
    expect(flow!.pages.map((p) => [p.displayName, p.id])).toEqual([
      ['> Returns', '7a1e0c52-0003-4000-8000-000000000001'],
      ['Order Status', '7a1e0c52-0002-4000-8000-000000000001'],
    ]);
    expect(flow!.pages[0]!.location).toEqual({ file: 'flows/Default Start Flow/pages/%3e Returns.json', path: 'Default Start Flow › > Returns' });
    expect(flow!.start.routes.map((r) => [r.intent, r.targetPage])).toEqual([
      ['order.status', 'Order Status'],
      ['return.create', '> Returns'],
    ]);
    expect(flow!.start.routeGroups).toEqual(['Common']);
    expect(flow!.routeGroups.map((g) => g.displayName)).toEqual(['Common']);
    const form = flow!.pages[1]!.form;
    expect(form.map((p) => [p.displayName, p.entityType, p.isList, p.required])).toEqual([
      ['customer_id', '@sys.number-integer', false, true],
      ['sizes', '@size', true, false],
    ]);
    expect(agent.intents.map((i) => [i.displayName, i.trainingPhrases])).toEqual([
      ['help', { en: 1 }],
      ['order.status', { en: 2, ja: 1 }],
    ]);
    expect(agent.entityTypes).toMatchObject([{ displayName: 'size', kind: 'map', values: ['small', 'large'], open: false }]);
    expect(agent.otherFiles).toEqual({ testCases: 1 });
  });

  it('keeps no secret of a webhook: the URL loses its query string and user info, headers keep only their names', async () => {
    const agent = await readAgent(`${FIXTURES}/cx-small.zip`);
    expect(agent.webhooks).toEqual([
      {
        id: '9b8c7d6e-0008-4000-8000-000000000001',
        displayName: 'shop:orders',
        kind: 'standard',
        serviceDirectory: false,
        url: 'https://orders.example.com/webhook?…',
        googleApi: false,
        timeoutMs: 5000,
        disabled: false,
        auth: { basic: true, headers: ['x-api-key'], serviceAgent: undefined, oauth: false, customCa: false },
        location: { file: 'webhooks/shop%3aorders.json', path: 'webhook shop:orders' },
      },
    ]);
    const text = JSON.stringify(agent);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  });

  it('finds every webhook call site, with the pages it can fire on', async () => {
    const agent = await readAgent(`${FIXTURES}/cx-small.zip`);
    const sites = agent.callSites.map((s) => [s.kind, s.tag, s.location.path, s.pages.map((p) => p.page)]);
    expect(sites).toEqual([
      ['entry', 'return.create', 'Default Start Flow › > Returns › entry', ['> Returns']],
      ['route', 'order.status', 'Default Start Flow › Order Status › route 1', ['Order Status']],
      ['reprompt', 'customer.validate', 'Default Start Flow › Order Status › form › customer_id › event sys.no-match-default', ['Order Status']],
      // The flow uses the route group on its start page: in scope on every page of the flow.
      ['route', 'help', 'Default Start Flow › route group Common › route 1', ['Start Page', '> Returns', 'Order Status']],
    ]);
    expect(agent.callSites.every((s) => s.webhook === 'shop:orders')).toBe(true);
    expect(agent.callSites[1]!.pages).toEqual([
      { flowId: '00000000-0000-0000-0000-000000000000', pageId: '7a1e0c52-0002-4000-8000-000000000001', flow: 'Default Start Flow', page: 'Order Status' },
    ]);
  });

  it('knows the session parameters: form, intent, presets and $session.params references', async () => {
    const agent = await readAgent(`${FIXTURES}/cx-small.zip`);
    expect(agent.parameters).toEqual(['customer_id', 'last_lookup', 'return_number', 'sizes']);
    expect(agent.events).toEqual(['sys.no-match-default', 'webhook.error']);
  });

  it('reads the unzipped folder to the same model', async () => {
    const zipped = await readAgent(`${FIXTURES}/cx-small.zip`);
    const folder = await readAgent(`${FIXTURES}/cx-small`);
    expect(folder.source).toBe(`${FIXTURES}/cx-small`);
    expect(withoutSource(folder)).toEqual(withoutSource(zipped));
  });
});

describe('readAgent: a Dialogflow ES export', () => {
  it('reads a zip whose root file entry starts with a slash, with intents, training phrases and entities', async () => {
    const agent = await readAgent(`${FIXTURES}/es-small.zip`);
    expect(agent).toMatchObject({ dialect: 'es', defaultLanguage: 'en', languages: ['en', 'ja'], flows: [] });
    expect(agent.intents.map((i) => [i.displayName, i.action, i.webhookUsed, i.webhookForSlotFilling, i.trainingPhrases, i.events])).toEqual([
      ['Default Welcome Intent', 'input.welcome', false, false, {}, ['WELCOME']],
      ['order.status', 'order.status', true, true, { en: 2, ja: 1 }, []],
    ]);
    expect(agent.intents[1]!.parameters).toEqual([
      { name: 'customer_id', entityType: '@sys.number-integer', isList: false, required: true },
      { name: 'sizes', entityType: '@size', isList: true, required: false },
    ]);
    expect(agent.entityTypes).toMatchObject([{ displayName: 'size', kind: 'map', values: ['small', 'large'] }]);
    expect(agent.otherFiles).toEqual({ 'customSmalltalkResponses_en.json': 1 });
  });

  it('has one webhook, named webhook, without secrets, and a call site per intent that calls it', async () => {
    const agent = await readAgent(`${FIXTURES}/es-small.zip`);
    expect(agent.webhooks).toMatchObject([
      { displayName: 'webhook', url: 'https://shop.example.com/webhook?…', timeoutMs: 5000, auth: { basic: true, headers: ['x-api-key'] } },
    ]);
    expect(agent.callSites).toMatchObject([{ webhook: 'webhook', kind: 'intent', intent: 'order.status', action: 'order.status', slotFilling: true }]);
    const text = JSON.stringify(agent);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  });

  it('reads the folder to the same model', async () => {
    const zipped = await readAgent(`${FIXTURES}/es-small.zip`);
    expect(withoutSource(await readAgent(`${FIXTURES}/es-small`))).toEqual(withoutSource(zipped));
  });
});

describe('readAgent: bad input gets a coded error naming the file, never a crash or a hang', () => {
  const cx = (): ZipEntries => entriesOf(`${FIXTURES}/cx-small`);

  it('a path that does not exist', async () => {
    const error = await failure('no/such/export.zip');
    expect(error.code).toBe('ERR_AGENT_UNREADABLE');
    expect(error.message).toContain('no/such/export.zip: there is no such file or folder');
  });

  it('a truncated zip, and one with damaged data', async () => {
    const whole = zipOf(cx());
    const truncated = await failure(file('cut.zip', whole.subarray(0, whole.length - 40)));
    expect(truncated.code).toBe('ERR_AGENT_ZIP');
    expect(truncated.message).toMatch(/cut\.zip is not a readable zip \(it is truncated or damaged/);
    const damaged = zipOf({ 'agent.json': '{"defaultLanguageCode":"en"}'.repeat(50) });
    damaged.fill(0xff, 60, 90); // inside the deflated data of the only entry
    const error = await failure(file('damaged.zip', damaged));
    expect(error.code).toBe('ERR_AGENT_ZIP');
  });

  it('a zip whose entries climb out of the export', async () => {
    const error = await failure(file('evil.zip', zipOf({ ...cx(), '../../etc/evil.json': '{}' })));
    expect(error.code).toBe('ERR_AGENT_UNSAFE_ENTRY');
    expect(error.message).toContain('"../../etc/evil.json" points outside the export');
  });

  it('a zip bomb, counted in the bytes that actually inflate, not the sizes the zip declares', async () => {
    const bomb = zipOf({ 'agent.json': new Uint8Array(4 * 1024 * 1024).fill(32) });
    const error = await failure(file('bomb.zip', bomb), { limits: { maxBytes: 1024 * 1024 } });
    expect(error.code).toBe('ERR_AGENT_TOO_LARGE');
    expect(error.message).toContain('its JSON files inflate to more than 1 MiB');
    // The same zip declaring 10 bytes: inflating stops past them, and the lie is caught.
    const lying = await failure(file('lying.zip', lieAboutSizes(bomb, 10)), { limits: { maxBytes: 1024 * 1024 } });
    expect(lying.code).toBe('ERR_AGENT_ZIP');
    expect(lying.message).toContain("the entry agent.json inflates to more than the 10 bytes the zip's directory declares");
  });

  it('a zip bomb made by a streaming zipper (data descriptors, no sizes up front) stops at the limit', async () => {
    const parts: Uint8Array[] = [];
    const zip = new Zip((_error, data) => void parts.push(data));
    const entry = new ZipDeflate('agent.json', { level: 1 });
    zip.add(entry);
    const spaces = new Uint8Array(1024 * 1024).fill(32);
    for (let i = 0; i < 64; i++) entry.push(spaces, i === 63);
    zip.end();
    const error = await failure(file('big.zip', Buffer.concat(parts)), { limits: { maxBytes: 8 * 1024 * 1024 } });
    expect(error.code).toBe('ERR_AGENT_TOO_LARGE');
    expect(error.message).toContain('big.zip: its JSON files inflate to more than 8 MiB');
  });

  it('too many entries', async () => {
    const many: ZipEntries = { 'agent.json': '{}' };
    for (let i = 0; i < 20; i++) many[`testCases/t${i}.json`] = '{}';
    expect((await failure(file('many.zip', zipOf(many)), { limits: { maxEntries: 10 } })).code).toBe('ERR_AGENT_TOO_LARGE');
  });

  it('a JSON file that does not parse: file, line and column, and none of its text', async () => {
    const entries = cx();
    entries['agent/webhooks/shop%3aorders.json'] = '{\n  "displayName": "shop:orders",\n  "genericWebService": { "password": "SECRET-PASSWORD" "uri": "x" }\n}';
    const error = await failure(file('syntax.zip', zipOf(entries)));
    expect(error.code).toBe('ERR_AGENT_JSON');
    expect(error.message).toMatch(/^webhooks\/shop%3aorders\.json:3:56: not valid JSON at """\. Fix the file/);
    expect(error.message).not.toContain('SECRET');
    const cut = cx();
    cut['agent/intents/help/help.json'] = '{ "displayName": "help", ';
    expect((await failure(file('cut-json.zip', zipOf(cut)))).message).toContain('intents/help/help.json:1:26: the JSON ends too early');
  });

  it('a field of the wrong type names the file and the field', async () => {
    const entries = cx();
    entries['agent/flows/Default Start Flow/pages/Order Status.json'] = JSON.stringify({ displayName: 'Order Status', transitionRoutes: [{ intent: 42 }] });
    const error = await failure(file('format.zip', zipOf(entries)));
    expect(error.code).toBe('ERR_AGENT_FORMAT');
    expect(error.message).toBe('flows/Default Start Flow/pages/Order Status.json: transitionRoutes[0].intent: must be a string');
  });

  it('two pages of a flow, or two intents, with one display name', async () => {
    const entries = cx();
    entries['agent/flows/Default Start Flow/pages/Copy.json'] = JSON.stringify({ name: 'p-copy', displayName: 'Order Status' });
    const error = await failure(file('dup.zip', zipOf(entries)));
    expect(error.code).toBe('ERR_AGENT_DUPLICATE_NAME');
    expect(error.message).toContain(
      'Two pages in the flow "Default Start Flow" are named "Order Status": flows/Default Start Flow/pages/Copy.json and flows/Default Start Flow/pages/Order Status.json',
    );
    const es = entriesOf(`${FIXTURES}/es-small`);
    es['intents/again.json'] = JSON.stringify({ id: 'x', name: 'order.status' });
    expect((await failure(file('dup-es.zip', zipOf(es)))).code).toBe('ERR_AGENT_DUPLICATE_NAME');
  });

  it('a folder of JSON that is no agent, an empty folder, and a zip of two agents', async () => {
    const notAgent = tempDir('fulfiller-agent-');
    mkdirSync(join(notAgent, 'data'));
    writeFileSync(join(notAgent, 'data', 'orders.json'), '[]');
    writeFileSync(join(notAgent, 'package.json'), '{}');
    const none = await failure(notAgent);
    expect(none.code).toBe('ERR_NOT_AN_AGENT');
    expect(none.message).toContain('there is no agent.json at its root or in a single top folder (it holds data, package.json)');
    const empty = tempDir('fulfiller-agent-');
    mkdirSync(join(empty, '__MACOSX'));
    writeFileSync(join(empty, '.DS_Store'), 'x');
    expect((await failure(empty)).message).toContain('is not a Dialogflow agent export: it is empty');
    const two = zipOf({ 'a/agent.json': '{}', 'b/agent.json': '{}' });
    expect((await failure(file('two.zip', two))).message).toContain('it holds several agents (a/agent.json, b/agent.json)');
    const odd = await failure(file('odd.zip', zipOf({ 'agent.json': '{"name":"x"}' })));
    expect(odd.message).toContain('neither a Dialogflow CX agent');
  });

  it('a CX binary ("blob") export, and a lone JSON file', async () => {
    const blob = await failure(file('agent.blob', new Uint8Array([0x0a, 0x8c, 0x01, 0x12, 0x07, 0x70, 0x72, 0x6f])));
    expect(blob.code).toBe('ERR_AGENT_BLOB_EXPORT');
    expect(blob.message).toContain('Export the agent again with Data format "JSON package"');
    const json = await failure(file('agent.json', '{"displayName":"x"}'));
    expect(json.code).toBe('ERR_NOT_AN_AGENT');
    expect(json.message).toContain('it is one JSON file');
  });

  it('reads files in UTF-16 with a byte-order mark', async () => {
    const entries = cx();
    entries['agent/intents/help/help.json'] = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify({ displayName: 'help' }), 'utf16le')]);
    const agent = await readAgent(file('utf16.zip', zipOf(entries)));
    expect(agent.intents.map((i) => i.displayName)).toEqual(['help', 'order.status']);
  });
});

/** Rewrites the uncompressed size of every entry (local header and central directory) to `size`. */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const copy = new Uint8Array(zip);
  const view = new DataView(copy.buffer);
  for (let i = 0; i + 4 <= copy.length; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x04034b50) view.setUint32(i + 22, size, true);
    if (signature === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return copy;
}
