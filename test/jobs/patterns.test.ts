import { JobFailedError, type Fulfiller, type Turn } from '../../src/index.js';
import { fakeClock, type FakeClock, cxRequest, esRequest } from '../../src/testing/index.js';
import { testApp } from '../support/app.js';
import { CX_PAGE, JSON_HEADERS } from '../support/requests.js';
import { textsOf, validResponse } from '../support/responses.js';

// The CX and ES patterns of docs/slow-backends.md, on a fake clock. The report finishes when the
// test opens its gate, and a turn that waits for it waits on the app's clock, which the test
// moves: what each turn sees depends on the order of events only, however slow the machine.
const WAIT_MS = 3000;
const DEADLINE_MS = 4000;
const WAITING_PAGE = 'report-waiting';
const READY_PAGE = 'report-ready';

/** A report that is ready when `open()` is called (at once when made open). */
function gate(open = false): { report: (signal: AbortSignal) => Promise<{ total: number }>; open: () => void } {
  let release!: () => void;
  const opened = new Promise<void>((resolve) => (release = resolve));
  if (open) release();
  return {
    report: async (signal) => {
      await Promise.race([opened, new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)))]);
      return { total: 37000 };
    },
    open: release,
  };
}

/** `chainMs`: how long ES chains follow-up events before it answers "still working". */
function register(app: Fulfiller, buildReport: (signal: AbortSignal) => Promise<{ total: number }>, chainMs = 60_000): void {
  const answerReport = async (turn: Turn): Promise<void> => {
    const job = await app.jobs.wait<{ total: number }>(turn, 'report', WAIT_MS);
    if (job?.status === 'done') {
      turn.say(`Your report is ready: ${job.result.total} yen.`);
      if (turn.platform === 'cx') turn.transition({ page: READY_PAGE });
      return;
    }
    if (job?.status === 'failed') throw new JobFailedError('report', job.error);
    if (turn.platform === 'es' && job !== undefined && app.options.clock.now() - job.startedAt < chainMs) return void turn.followupEvent('report_check');
    turn.say('Still working on the report. Please ask again in a moment.');
  };
  app.tag('report.generate', async (turn) => {
    await app.jobs.defer(turn, 'report', buildReport);
    turn.say('Processing. Please wait a moment.');
    if (turn.platform === 'cx') turn.transition({ page: WAITING_PAGE });
  });
  app.tag('report.status', answerReport);
  app.intent('report.generate', async (turn) => {
    await app.jobs.defer(turn, 'report', buildReport);
    await answerReport(turn);
  });
  app.intent('report.check', answerReport);
}

const flow = CX_PAGE.slice(0, CX_PAGE.indexOf('/pages/'));

/** A turn's answer, once the clock has moved past what the turn waits for the report (never past its deadline). */
async function waited<T>(clock: FakeClock, answer: Promise<T>): Promise<T> {
  await clock.advance(WAIT_MS);
  return answer;
}

describe('CX: a waiting page and a route that checks back', () => {
  it('moves to the waiting page, stays there while the job runs, moves on with the result', async () => {
    const clock = fakeClock(0);
    const { app } = testApp({ clock, deadlineMs: DEADLINE_MS });
    const job = gate();
    register(app, job.report);
    const cx = async (tag: string) => validResponse('cx', await waited(clock, app.handle(JSON.stringify(cxRequest(tag).build()), JSON_HEADERS)));
    const started = await cx('report.generate');
    expect(textsOf(started)).toEqual(['Processing. Please wait a moment.']);
    expect(started.targetPage).toBe(`${flow}/pages/${WAITING_PAGE}`);
    const waiting = await cx('report.status');
    expect(textsOf(waiting)).toEqual(['Still working on the report. Please ask again in a moment.']);
    expect(waiting.targetPage).toBeUndefined();
    job.open();
    const ready = await cx('report.status');
    expect(textsOf(ready)).toEqual(['Your report is ready: 37000 yen.']);
    expect(ready.targetPage).toBe(`${flow}/pages/${READY_PAGE}`);
  });
});

describe('ES: follow-up events', () => {
  const es = async (app: Fulfiller, intent: string) =>
    validResponse('es', await waited(app.options.clock as FakeClock, app.handle(JSON.stringify(esRequest(intent).build()), JSON_HEADERS)));

  it('a quick job is answered in the same call', async () => {
    const { app } = testApp({ clock: fakeClock(0), deadlineMs: DEADLINE_MS });
    register(app, gate(true).report);
    expect(textsOf(await es(app, 'report.generate'))).toEqual(['Your report is ready: 37000 yen.']);
  });

  it('a slower one chains follow-up events while it is young, then the result arrives on a check', async () => {
    const { app } = testApp({ clock: fakeClock(0), deadlineMs: DEADLINE_MS });
    const job = gate();
    register(app, job.report);
    const first = await es(app, 'report.generate');
    expect(first.followupEventInput).toEqual({ name: 'report_check', languageCode: 'en' });
    job.open();
    const check = await es(app, 'report.check');
    expect(check.followupEventInput).toBeUndefined();
    expect(textsOf(check)).toEqual(['Your report is ready: 37000 yen.']);
  });

  it('ends the chain with an answer when the job takes too long', async () => {
    const { app } = testApp({ clock: fakeClock(0), deadlineMs: DEADLINE_MS });
    register(app, gate().report, 0); // the job counts as old from the start: no chain at all
    for (const intent of ['report.generate', 'report.check']) {
      const answer = await es(app, intent);
      expect(answer.followupEventInput).toBeUndefined();
      expect(textsOf(answer)).toEqual(['Still working on the report. Please ask again in a moment.']);
    }
    await app.jobs.drain(0);
  });
});
