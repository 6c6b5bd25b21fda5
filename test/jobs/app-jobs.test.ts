import { BUILT_IN_MESSAGES, JobFailedError, sleep, type Fulfiller } from '../../src/index.js';
import { fakeClock, cxRequest, esRequest } from '../../src/testing/index.js';
import { testApp } from '../support/app.js';
import { JSON_HEADERS } from '../support/requests.js';
import { textsOf, validResponse } from '../support/responses.js';
import { gate, track } from '../support/timing.js';

/** A handler pair as users write them: `job.start` defers, `job.check` reports (turn API on CX, app API on ES). */
function register(app: Fulfiller, work: () => Promise<unknown>): void {
  app.tag('job.start', async (turn) => {
    await turn.defer('work', work);
    turn.say('Processing. Please wait a moment.');
  });
  app.tag('job.check', async (turn) => {
    const job = await turn.job('work');
    if (job === undefined) return void turn.say('Nothing started.');
    if (job.status === 'running') return void turn.say('Still working.');
    if (job.status === 'failed') throw new JobFailedError('work', job.error);
    turn.say(`Done: ${JSON.stringify(job.result)}`);
  });
  app.intent('job.start', async (turn) => {
    await app.jobs.defer(turn, 'work', work);
    turn.say('Processing. Please wait a moment.');
  });
}

async function say(app: Fulfiller, tag: string, languageCode = 'en'): Promise<string> {
  const result = await app.handle(JSON.stringify(cxRequest(tag).language(languageCode).build()), JSON_HEADERS);
  return textsOf(validResponse('cx', result)).join(' ');
}

describe('app.jobs in handlers', () => {
  it('answers at once while the job runs; a later turn of the session gets the result', async () => {
    const clock = fakeClock(0);
    const { app } = testApp({ clock, deadlineMs: 200 });
    const job = gate<unknown>();
    register(app, () => job.work);
    const started = track(say(app, 'job.start'), clock);
    await clock.advance(0);
    expect(started).toEqual({ result: 'Processing. Please wait a moment.', at: 0 }); // the turn did not wait for the job
    expect(await say(app, 'job.check')).toBe('Still working.');
    job.open({ total: 37000 });
    await app.jobs.wait({ session: cxRequest('x').build().sessionInfo!.session! }, 'work', 1000);
    expect(await say(app, 'job.check')).toBe('Done: {"total":37000}');
  });

  it('a job that outlives the turn deadline is not cut by it', async () => {
    const clock = fakeClock(0);
    const { app } = testApp({ clock, deadlineMs: 20 });
    register(app, () => sleep(clock, 60).then(() => 'late but fine'));
    expect(await say(app, 'job.start')).toBe('Processing. Please wait a moment.');
    await clock.advance(100);
    expect(await say(app, 'job.check')).toBe('Done: "late but fine"');
  });

  it('a failed job is answered with the localized apology, and logged', async () => {
    const { app, logger } = testApp();
    register(app, () => Promise.reject(new Error('backend down')));
    await say(app, 'job.start');
    await app.jobs.wait({ session: cxRequest('x').build().sessionInfo!.session! }, 'work', 1000);
    expect(await say(app, 'job.check', 'ja')).toBe(BUILT_IN_MESSAGES.ja!.apology);
    expect(logger.records.some((r) => r.level === 'error' && r.fields.code === 'ERR_JOB_FAILED')).toBe(true);
  });

  it('works the same for ES turns', async () => {
    const { app } = testApp();
    register(app, async () => 1);
    const result = await app.handle(JSON.stringify(esRequest('job.start').build()), JSON_HEADERS);
    expect(textsOf(validResponse('es', result))).toEqual(['Processing. Please wait a moment.']);
    expect(await app.jobs.wait({ session: esRequest('x').build().session! }, 'work', 1000)).toMatchObject({ status: 'done', result: 1 });
  });
});
