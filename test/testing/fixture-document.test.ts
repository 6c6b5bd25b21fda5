import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cxRequest, esRequest, fixtureDocument, parseFixture, writeFixture } from '../../src/testing/index.js';

describe('fixture documents from the builders', () => {
  it('makes a one-turn fixture that parses', () => {
    const document = fixtureDocument(
      { request: cxRequest('order.status').params({ customer_id: '12345' }), expect: { textContains: 'A-1003' }, retryMs: 5 },
      { name: 'order' },
    );
    expect(document).toEqual({
      name: 'order',
      request: cxRequest('order.status').params({ customer_id: '12345' }).build(),
      expect: { textContains: 'A-1003' },
      retryMs: 5,
    });
    expect(parseFixture(document, 'f.json').turns).toHaveLength(1);
  });

  it('makes a conversation, and writes it as indented JSON', async () => {
    const document = fixtureDocument(
      [
        { request: esRequest('report.generate').params({ account_id: 'ACC-1' }), expect: { texts: ['Processing. Please wait a moment.'] } },
        { name: 'ready', request: esRequest('report.status').params({ account_id: 'ACC-1' }).build(), retryMs: 10_000, expect: { textContains: 'is ready' } },
      ],
      { headers: { 'x-tenant': 'demo' } },
    );
    expect(parseFixture(document, 'f.json')).toMatchObject({ dialect: 'es', headers: { 'x-tenant': 'demo' }, turns: [{}, { name: 'ready', retryMs: 10_000 }] });
    const file = join(mkdtempSync(join(tmpdir(), 'fixture-doc-')), 'nested', 'report.json');
    await writeFixture(file, document);
    expect(readFileSync(file, 'utf8')).toBe(`${JSON.stringify(document, null, 2)}\n`);
  });
});
