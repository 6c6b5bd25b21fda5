import { fakeClock } from '../../src/testing/index.js';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryLogger, type Exchange, type JsonObject } from '../../src/index.js';
import { cxRequest, esRequest } from '../../src/testing/index.js';
import { loadFixtures } from '../../src/testing/load-fixtures.js';
import { createRecorder } from '../../src/recording/recorder.js';
import { runFixture } from '../../src/testing/run-fixture.js';
import { sampleApp, sampleTarget, tempDir } from '../testing/support/sample.js';

const JSON_HEADERS = { 'content-type': 'application/json' };

function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(dir, f));
}
const read = (file: string): JsonObject => JSON.parse(readFileSync(file, 'utf8')) as JsonObject;

/** Every fixture in `dir`, replayed on a fresh sample app: all must pass. */
async function replayAll(dir: string): Promise<void> {
  for (const loaded of await loadFixtures([dir])) {
    if ('error' in loaded) throw loaded.error;
    const outcome = await runFixture(loaded.fixture, sampleTarget());
    expect({ file: loaded.file, passed: outcome.passed, turns: outcome.turns.map((t) => t.mismatches) }).toEqual({
      file: loaded.file,
      passed: true,
      turns: expect.anything(),
    });
  }
}

describe('recording (option record)', () => {
  it('writes each answered session as a fixture that replays green, and nothing for a refused call', async () => {
    const dir = tempDir();
    const { app } = sampleApp({ record: { dir } });
    await app.handle(JSON.stringify(cxRequest('greet').session('one').build()), { ...JSON_HEADERS, 'x-api-key': 'secret', 'x-tenant': 'demo' });
    await app.handle(JSON.stringify(esRequest('count').session('two').build()), JSON_HEADERS);
    await app.handle('{"not":"a request"}', JSON_HEADERS);
    await app.close({ graceMs: 10 }); // flushes the recordings

    const files = filesIn(dir);
    expect(files.map((f) => f.slice(dir.length + 1).replace(/\d{8}-\d{6}-\d{3}-/, 'STAMP-'))).toEqual(['cx/STAMP-0001-greet.json', 'es/STAMP-0002-count.json']);
    const cx = read(files[0]!);
    expect(cx).toEqual({
      name: 'greet (recorded)',
      headers: { 'x-tenant': 'demo' },
      request: expect.objectContaining({ detectIntentResponseId: 'recorded' }),
      expect: { response: { fulfillmentResponse: { messages: [{ text: { text: ['Hello, there!'] } }] } } },
    });
    expect(JSON.stringify(cx)).not.toContain('secret');
    expect(JSON.stringify(cx)).toMatch(/sessions\/recorded-\d{8}-\d{6}-\d{3}-0001-greet"/);
    await replayAll(dir);
  });
});

describe('createRecorder', () => {
  const SESSION = 'projects/p/locations/global/agents/a/sessions/live-1';

  async function exchange(app: ReturnType<typeof sampleApp>['app'], request: JsonObject): Promise<Exchange> {
    const result = await app.handle(JSON.stringify(request), JSON_HEADERS);
    return {
      requestId: 'r',
      dialect: 'detectIntentResponseId' in request ? 'cx' : 'es',
      headers: {},
      request,
      status: result.status,
      body: result.body,
      outcome: 'handled',
      route: undefined,
      ms: 2,
      errorCode: undefined,
    };
  }

  it('makes one conversation of a session, keeps the pauses, and turns polling into one retried turn', async () => {
    const dir = tempDir();
    const clock = fakeClock(Date.parse('2026-11-27T10:00:00Z'));
    const recorder = createRecorder({ dir }, { logger: new MemoryLogger(), clock });
    const { app } = sampleApp();
    const turn = async (request: JsonObject, after: number): Promise<void> => {
      clock.set(clock.now() + after);
      recorder.observe(await exchange(app, request));
    };
    await turn(cxRequest('count').session(SESSION).build() as JsonObject, 0);
    await turn(cxRequest('count').session(SESSION).params({ count: 1 }).build() as JsonObject, 3000);
    const poll = cxRequest('poll').session(SESSION).build() as JsonObject;
    await turn(poll, 20); // "Still working."
    await turn(poll, 500); // "Still working."
    await turn(poll, 500); // "Done."
    await recorder.flush();

    const [file] = filesIn(dir);
    const fixture = read(file!);
    expect(fixture.name).toBe('count → count → poll (recorded)');
    const turns = fixture.turns as JsonObject[];
    expect(turns.map((t) => [t.name, t.waitMs, t.retryMs])).toEqual([
      ['count', undefined, undefined],
      ['count', 2998, undefined], // the pause before the call started (each call took 2 ms)
      ['poll', undefined, 2004], // twice the time spent polling (1002 ms from the first ask to the last answer), at least 2 s
    ]);
    expect(turns[2]!.expect).toEqual({ response: { fulfillmentResponse: { messages: [{ text: { text: ['Done.'] } }] } } });
  });

  it('masks personal data; a masked request only expects the status, a masked answer is compared masked', async () => {
    const dir = tempDir();
    const recorder = createRecorder({ dir }, { logger: new MemoryLogger() });
    const { app } = sampleApp();
    recorder.observe(
      await exchange(
        app,
        esRequest('contact').session('a').params({ name: 'Hanako Yamada' }).text('call Hanako Yamada, hanako@example.com').build() as JsonObject,
      ),
    );
    recorder.observe(await exchange(app, esRequest('contact').session('b').build() as JsonObject));
    await recorder.flush();

    const [masked, phone] = filesIn(dir).map(read);
    expect(masked).toMatchObject({ note: expect.stringContaining('Personal data was masked'), expect: { status: 200 } });
    expect(JSON.stringify(masked)).not.toMatch(/Hanako|Yamada|example\.com/);
    expect((masked!.request as JsonObject).queryResult).toMatchObject({ queryText: 'call [name], [email]', parameters: { name: '[name]' } });
    expect(phone).toMatchObject({ redact: true, expect: { response: { fulfillmentText: 'Calling nobody at [phone].' } } });
    await replayAll(dir); // the live answer ("+81 90-…") is masked the same way before it is compared
  });

  it('records everything as it came with redact: false', async () => {
    const dir = tempDir();
    const recorder = createRecorder({ dir, redact: false }, { logger: new MemoryLogger() });
    recorder.observe(await exchange(sampleApp().app, esRequest('contact').params({ name: 'Hanako' }).build() as JsonObject));
    await recorder.flush();
    expect(readFileSync(filesIn(dir)[0]!, 'utf8')).toContain('Calling Hanako at +81 90-1234-5678.');
  });

  it('logs a recording it cannot write, and goes on', async () => {
    const dir = join(tempDir(), 'not-a-dir');
    writeFileSync(dir, 'a file');
    const logger = new MemoryLogger();
    const recorder = createRecorder({ dir }, { logger });
    recorder.observe(await exchange(sampleApp().app, cxRequest('greet').build() as JsonObject));
    await recorder.flush();
    expect(logger.records).toEqual([expect.objectContaining({ level: 'warn', message: 'could not record a webhook call' })]);
  });
});
