import { readFileSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cxRequest, fixtureDocument } from '../../src/testing/index.js';
import { loadFixture } from '../../src/testing/load-fixtures.js';
import type { ReplayTarget } from '../../src/testing/replay-target.js';
import { runFixture } from '../../src/testing/run-fixture.js';
import { saveUpdates } from '../../src/testing/save-updates.js';
import { sampleTarget, tempDir } from './support/sample.js';

async function replayAndSave(file: string, target: ReplayTarget = sampleTarget()) {
  const loaded = await loadFixture(file);
  if ('error' in loaded) throw loaded.error;
  return saveUpdates(await runFixture(loaded.fixture, target, { keepGoing: true }));
}
const json = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

describe('saveUpdates', () => {
  it('writes the expectation of a plain request next to it, and leaves the request alone', async () => {
    const dir = tempDir();
    const file = join(dir, 'greet.json');
    const request = `${JSON.stringify(cxRequest('greet').build())}\n`;
    writeFileSync(file, request);
    expect(await replayAndSave(file)).toEqual({ file: join(dir, 'greet.expect.json'), changed: true, stillFailing: false });
    expect(json(join(dir, 'greet.expect.json'))).toEqual({ response: { fulfillmentResponse: { messages: [{ text: { text: ['Hello, there!'] } }] } } });
    expect(readFileSync(file, 'utf8')).toBe(request);

    const written = statSync(join(dir, 'greet.expect.json')).mtimeMs;
    expect(await replayAndSave(file)).toMatchObject({ changed: false }); // nothing new: not rewritten
    expect(statSync(join(dir, 'greet.expect.json')).mtimeMs).toBe(written);
  });

  it('rewrites the expectations of a conversation in place, keeping the rest of the document', async () => {
    const dir = tempDir();
    const file = join(dir, 'count.json');
    const document = fixtureDocument(
      [
        { request: cxRequest('count'), expect: { textContains: 'Count' } },
        { request: cxRequest('count'), expect: { texts: ['Count 9.'] }, waitMs: 1 },
      ],
      { name: 'counting' },
    );
    writeFileSync(file, JSON.stringify(document));
    expect(await replayAndSave(file)).toMatchObject({ file, changed: true, stillFailing: false });
    const saved = json(file) as { name: string; turns: { expect: unknown; waitMs?: number }[] };
    expect(saved.name).toBe('counting');
    expect(saved.turns.map((t) => [t.expect, t.waitMs])).toEqual([
      [{ textContains: 'Count' }, undefined],
      [{ texts: ['Count 2.'] }, 1],
    ]);
  });

  it('says when a fixture still fails: an answer that breaks the schema cannot be made right by an expectation', async () => {
    const dir = tempDir();
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify(cxRequest('x').build()));
    const broken: ReplayTarget = {
      sessionContext: 'fulfiller_session',
      send: async () => ({ status: 200, headers: {}, body: '{"fulfillmentResponse":{"mergeBehavior":"SOMETIMES"}}' }),
    };
    expect(await replayAndSave(file, broken)).toMatchObject({ stillFailing: true });
    const down: ReplayTarget = { sessionContext: 'fulfiller_session', send: async () => Promise.reject(new Error('down')) };
    expect(await replayAndSave(file, down)).toEqual({ file: join(dir, 'broken.expect.json'), changed: false, stillFailing: true });
  });
});
