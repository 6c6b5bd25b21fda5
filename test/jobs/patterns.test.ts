import { setTimeout as sleep } from 'node:timers/promises';
import { JobFailedError, type Fulfiller, type Turn } from '../../src/index.js';
import { testApp } from '../support/app.js';
import { CX_PAGE, cxRequest, esRequest, JSON_HEADERS } from '../support/requests.js';
import { textsOf, validResponse } from '../support/responses.js';

// The CX and ES patterns of docs/slow-backends.md, with shorter times.
const WAIT_MS = 150;
const CHAIN_MS = 600;
const WAITING_PAGE = 'report-waiting';
const READY_PAGE = 'report-ready';

function register(app: Fulfiller, reportMs: number): void {
  const buildReport = async (signal: AbortSignal): Promise<{ total: number }> => {
    await sleep(reportMs, undefined, { signal });
    return { total: 37000 };
  };
  const answerReport = async (turn: Turn): Promise<void> => {
    const job = await app.jobs.wait<{ total: number }>(turn, 'report', WAIT_MS);
    if (job?.status === 'done') {
      turn.say(`Your report is ready: ${job.result.total} yen.`);
      if (turn.platform === 'cx') turn.transition({ page: READY_PAGE });
      return;
    }
    if (job?.status === 'failed') throw new JobFailedError('report', job.error);
    if (turn.platform === 'es' && job !== undefined && Date.now() - job.startedAt < CHAIN_MS) return void turn.followupEvent('report_check');
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

describe('CX: a waiting page and a route that checks back', () => {
  it('moves to the waiting page, stays there while the job runs, moves on with the result', async () => {
    const { app } = testApp({ deadlineMs: 400 });
    // The job outlasts the first check-back by 850 ms, so a slow machine cannot finish it first.
    register(app, 1000);
    const cx = async (tag: string) => validResponse('cx', await app.handle(JSON.stringify(cxRequest(tag)), JSON_HEADERS));
    const started = await cx('report.generate');
    expect(textsOf(started)).toEqual(['Processing. Please wait a moment.']);
    expect(started.targetPage).toBe(`${flow}/pages/${WAITING_PAGE}`);
    const waiting = await cx('report.status');
    expect(textsOf(waiting)).toEqual(['Still working on the report. Please ask again in a moment.']);
    expect(waiting.targetPage).toBeUndefined();
    let ready = waiting;
    for (let i = 0; i < 20 && ready.targetPage === undefined; i++) ready = await cx('report.status');
    expect(textsOf(ready)).toEqual(['Your report is ready: 37000 yen.']);
    expect(ready.targetPage).toBe(`${flow}/pages/${READY_PAGE}`);
  });
});

describe('ES: follow-up events', () => {
  const es = async (app: Fulfiller, intent: string) => validResponse('es', await app.handle(JSON.stringify(esRequest(intent)), JSON_HEADERS));

  it('a quick job is answered in the same call', async () => {
    const { app } = testApp({ deadlineMs: 400 });
    register(app, 20);
    expect(textsOf(await es(app, 'report.generate'))).toEqual(['Your report is ready: 37000 yen.']);
  });

  it('a slower one chains follow-up events while it is young, then the result arrives on a check', async () => {
    const { app } = testApp({ deadlineMs: 400 });
    register(app, 400);
    const first = await es(app, 'report.generate');
    expect(first.followupEventInput).toEqual({ name: 'report_check', languageCode: 'en' });
    let check = first;
    for (let i = 0; i < 20 && check.followupEventInput !== undefined; i++) check = await es(app, 'report.check');
    expect(textsOf(check)).toEqual(['Your report is ready: 37000 yen.']);
  });

  it('ends the chain with an answer when the job takes too long', async () => {
    const { app } = testApp({ deadlineMs: 400 });
    register(app, 5000);
    await es(app, 'report.generate');
    await sleep(CHAIN_MS);
    const last = await es(app, 'report.check');
    expect(last.followupEventInput).toBeUndefined();
    expect(textsOf(last)).toEqual(['Still working on the report. Please ask again in a moment.']);
    await app.jobs.drain(0);
  });
});
