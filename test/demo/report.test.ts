import { buildDemo, type Demo } from './build-demo.js';
import { DIALECTS, send, type TurnInput, type TurnOutput } from './requests.js';
import type { Dialect } from '../../src/base/dialect.js';

const READY = 'Your report for ACC-1 is ready. Monthly spending: 2026-08: 38,000 yen; 2026-09: 39,500 yen; 2026-10: 37,000 yen; 2026-11: 14,500 yen.';

/** Asks report.status, moving the app's clock on between turns, until the answer is no longer "still working". */
async function waitForReport(demo: Demo, dialect: Dialect, input: Omit<TurnInput, 'name'>): Promise<TurnOutput> {
  for (let i = 0; i < 100; i++) {
    const out = await send(demo.app, dialect, { ...input, name: 'report.status' });
    if (!out.text.startsWith('Still working')) return out;
    await demo.clock.advance(20);
  }
  throw new Error('the report did not finish');
}

describe.each(DIALECTS)('report.generate / report.status (%s)', (dialect) => {
  let demo: Demo;
  afterEach(() => demo.db.close());

  test('answers at once, says it is still working, then gives the report on a later turn', async () => {
    demo = buildDemo({ reportMs: 200 });
    const started = demo.clock.now();
    const generate = await send(demo.app, dialect, { name: 'report.generate', params: { account_id: 'ACC-1' }, session: 'r1' });
    expect(generate.text).toBe('Processing. Please wait a moment.');
    expect(demo.clock.now() - started).toBe(0); // the handler did not wait for the job: no time had to pass

    const running = await send(demo.app, dialect, { name: 'report.status', params: { account_id: 'ACC-1' }, session: 'r1' });
    expect(running.text).toBe('Still working on the report. Please ask again in a moment.');

    const done = await waitForReport(demo, dialect, { params: { account_id: 'ACC-1' }, session: 'r1' });
    expect(done.text).toBe(READY);
    expect(done.text).toContain('2026-10: 37,000 yen');
  });

  test('asking to generate again while running does not start a second job', async () => {
    demo = buildDemo({ reportMs: 100 });
    const input = { name: 'report.generate', params: { account_id: 'acc-1' }, session: 'r2' };
    expect((await send(demo.app, dialect, input)).text).toBe('Processing. Please wait a moment.');
    expect((await send(demo.app, dialect, input)).text).toBe('Processing. Please wait a moment.');
    expect((await waitForReport(demo, dialect, { params: { account_id: 'ACC-1' }, session: 'r2' })).text).toBe(READY);
  });

  test('a report belongs to its session and its account', async () => {
    demo = buildDemo({ reportMs: 10 });
    await send(demo.app, dialect, { name: 'report.generate', params: { account_id: 'ACC-1' }, session: 'mine' });
    expect((await waitForReport(demo, dialect, { params: { account_id: 'ACC-1' }, session: 'mine' })).text).toBe(READY);
    const other = await send(demo.app, dialect, { name: 'report.status', params: { account_id: 'ACC-1' }, session: 'theirs' });
    expect(other.text).toBe('There is no report for ACC-1 yet. Ask me to create a report first.');
    const account = await send(demo.app, dialect, { name: 'report.status', params: { account_id: 'ACC-2' }, session: 'mine' });
    expect(account.text).toBe('There is no report for ACC-2 yet. Ask me to create a report first.');
  });

  test('an account without transactions gets an empty report', async () => {
    demo = buildDemo({ reportMs: 1 });
    await send(demo.app, dialect, { name: 'report.generate', params: { account_id: 'ACC-3' } });
    expect((await waitForReport(demo, dialect, { params: { account_id: 'ACC-3' } })).text).toBe(
      'Your report for ACC-3 is ready: there is no spending recorded yet.',
    );
  });

  test('an unknown account is answered politely, a missing one asked for', async () => {
    demo = buildDemo();
    for (const name of ['report.generate', 'report.status']) {
      expect((await send(demo.app, dialect, { name, params: { account_id: 'ACC-999' } })).text).toBe(
        "I couldn't find an account with ID ACC-999. Could you check it?",
      );
      expect((await send(demo.app, dialect, { name })).text).toBe('Could you tell me your account ID?');
    }
  });
});
