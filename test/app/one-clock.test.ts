import { Cache, sign, type JobState } from '../../src/index.js';
import { cxRequest, fakeClock } from '../../src/testing/index.js';
import { testApp } from '../support/app.js';
import { checkBody, textsOf, validResponse } from '../support/responses.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

/**
 * The app's one clock drives everything that depends on time: a fake clock, given to the app,
 * expires an HMAC timestamp (auth from the environment), a cache entry (the app's store), a
 * deferred job and a turn's deadline, with no real waiting anywhere.
 */
describe('one injected clock', () => {
  it('expires an HMAC timestamp, a cache entry, a job and a deadline without real waiting', async () => {
    const clock = fakeClock(Date.UTC(2026, 11, 5));
    const { app } = testApp({ clock, deadlineMs: 4000, env: { FULFILLER_HMAC_SECRETS: SECRET } });
    let loads = 0;
    const cache = new Cache({ store: app.options.store, name: 'orders', ttlMs: 60_000, breaker: false });
    app.tag('cached', async (turn) => void turn.say(`loaded ${await cache.get('k', async () => ++loads)} time(s)`));
    app.tag('forever', (turn) => new Promise<void>((resolve) => turn.signal.addEventListener('abort', () => resolve())));
    let job: Promise<JobState | undefined> | undefined;
    app.tag('job', async (turn) => {
      await turn.defer('slow', () => new Promise(() => {}), { timeoutMs: 10 * 60_000 });
      job = Promise.resolve(turn.job('slow'));
      turn.say('started');
    });

    let id = 0;
    const signed = (tag: string) => {
      const body = JSON.stringify(cxRequest(tag).build());
      const timestamp = Math.floor(clock.now() / 1000);
      const headers = { 'content-type': 'application/json', 'webhook-id': `m${++id}`, 'webhook-timestamp': String(timestamp) };
      return { body, headers, signature: sign({ secret: SECRET, id: headers['webhook-id'], timestamp, body }) };
    };
    const send = (request: ReturnType<typeof signed>) => app.handle(request.body, { ...request.headers, 'webhook-signature': request.signature });

    // Cache: the answer is reused within its TTL, loaded again after it.
    expect(textsOf(validResponse('cx', await send(signed('cached'))))).toEqual(['loaded 1 time(s)']);
    await clock.advance(59_999);
    expect(textsOf(validResponse('cx', await send(signed('cached'))))).toEqual(['loaded 1 time(s)']);
    await clock.advance(1);
    expect(textsOf(validResponse('cx', await send(signed('cached'))))).toEqual(['loaded 2 time(s)']);

    // HMAC: a message signed now is refused once the clock has moved 301 s on.
    const late = signed('cached');
    await clock.advance(301_000);
    expect((await send(late)).status).toBe(401);
    expect((await send(signed('cached'))).status).toBe(200);

    // Job: its timeout fires on the app's clock.
    expect(textsOf(validResponse('cx', await send(signed('job'))))).toEqual(['started']);
    expect(await job).toMatchObject({ status: 'running' });
    await clock.advance(10 * 60_000);
    expect(await app.jobs.get({ session: cxRequest('job').build().sessionInfo!.session! }, 'slow')).toMatchObject({
      status: 'failed',
      error: { code: 'ERR_JOB_TIMEOUT' },
    });

    // Deadline: the handler never answers; the timeout message comes when the clock reaches 4 s.
    const pending = send(signed('forever'));
    await clock.advance(3999);
    let answered = false;
    void pending.then(() => (answered = true));
    await clock.advance(0);
    expect(answered).toBe(false);
    await clock.advance(1);
    expect(textsOf(checkBody('cx', (await pending).body) as object)).toEqual(['This is taking longer than usual. Please ask me again in a moment.']);
    expect(clock.now() - Date.UTC(2026, 11, 5)).toBe(60_000 + 301_000 + 10 * 60_000 + 4000);
    await app.close({ graceMs: 0 });
  });
});
