import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cxRequest, esRequest } from '../../src/testing/index.js';
import { expectFileOf, loadFixtures } from '../../src/testing/load-fixtures.js';
import { tempDir } from './support/sample.js';

describe('loadFixtures', () => {
  it('reads directories recursively in name order, skipping expectation files and hidden folders', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'es'));
    mkdirSync(join(dir, '.cache'));
    writeFileSync(join(dir, 'b.json'), JSON.stringify(cxRequest('b').build()));
    writeFileSync(join(dir, 'b.expect.json'), JSON.stringify({ texts: ['B'] }));
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ request: cxRequest('a').build() }));
    writeFileSync(join(dir, 'es', 'c.json'), JSON.stringify(esRequest('c').build()));
    writeFileSync(join(dir, '.cache', 'd.json'), '{}');
    writeFileSync(join(dir, 'notes.md'), '# not a fixture');
    const loaded = await loadFixtures([dir]);
    expect(loaded.map((l) => l.file)).toEqual([join(dir, 'a.json'), join(dir, 'b.json'), join(dir, 'es', 'c.json')]);
    expect(
      loaded.map((l) => ('fixture' in l ? [l.fixture.kind, l.fixture.kind === 'endpoint' ? undefined : l.fixture.turns[0]!.expect] : l.error.message)),
    ).toEqual([
      ['fixture', undefined],
      ['plain', { texts: ['B'] }],
      ['plain', undefined],
    ]);
  });

  it('reports a missing file, a file that is not JSON, and a bad expectation file, each as the error of its fixture', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'broken.json'), '{ "request": ');
    writeFileSync(join(dir, 'plain.json'), JSON.stringify(cxRequest('a').build()));
    writeFileSync(join(dir, 'plain.expect.json'), '[');
    const loaded = await loadFixtures([join(dir, 'missing.json'), join(dir, 'broken.json'), join(dir, 'plain.json')]);
    expect(loaded.map((l) => ('error' in l ? `${l.error.code} ${l.error.message.slice(dir.length + 1)}` : 'ok'))).toEqual([
      'ERR_INVALID_FIXTURE missing.json: no such file',
      expect.stringMatching(/^ERR_INVALID_FIXTURE broken\.json: is not JSON: /),
      expect.stringMatching(/^ERR_INVALID_FIXTURE plain\.expect\.json: is not JSON: /),
    ]);
  });

  it('puts the expectation of a plain request next to it', () => {
    expect(expectFileOf('fixtures/cx/order.json')).toBe('fixtures/cx/order.expect.json');
  });
});
