import { MemoryStore, sleep, type Fulfiller } from '../../src/index.js';
import { fakeClock, cxRequest } from '../../src/testing/index.js';
import { testApp } from '../support/app.js';
import { JSON_HEADERS } from '../support/requests.js';
import { textsOf, validResponse } from '../support/responses.js';
import { track } from '../support/timing.js';

const ask = (app: Fulfiller, tag: string): ReturnType<Fulfiller['handle']> => app.handle(JSON.stringify(cxRequest(tag).build()), JSON_HEADERS);

describe('app.close()', () => {
  it('refuses new turns at once, lets the turn in flight finish, then closes jobs, hooks and the store', async () => {
    const clock = fakeClock(0);
    const { app } = testApp({ clock, deadlineMs: 2000 });
    const order: string[] = [];
    app.tag('slow', async (turn) => {
      await sleep(clock, 150);
      order.push('turn');
      turn.say('finished in time');
    });
    app.onClose(() => void order.push('first hook'));
    app.onClose(() => void order.push('second hook'));
    await app.jobs.defer({ session: 's' }, 'k', async () => {
      await sleep(clock, 50);
      order.push('job');
    });
    const inFlight = ask(app, 'slow');
    await clock.advance(10);
    const closed = app.close();
    expect(app.ready).toBe(false);
    const refused = await ask(app, 'slow');
    expect(refused.status).toBe(503);
    expect(JSON.parse(refused.body).error.code).toBe('ERR_SHUTTING_DOWN');
    await clock.advance(140);
    expect(textsOf(validResponse('cx', await inFlight))).toEqual(['finished in time']);
    await closed;
    expect(order).toEqual(['job', 'turn', 'second hook', 'first hook']);
    expect((app.options.store as MemoryStore).size).toBe(0); // the app made it, so the app closed it
    expect(app.close()).toBe(closed);
  });

  it('leaves a store it was given open: the caller owns it', async () => {
    const store = new MemoryStore();
    const { app } = testApp({ store });
    await store.set('mine', '1', 10_000);
    await app.close();
    expect(await store.get('mine')).toBe('1');
  });

  it('does not wait past graceMs; jobs still running are interrupted', async () => {
    const clock = fakeClock(0);
    const { app, logger } = testApp({ clock, deadlineMs: 600 });
    app.tag('endless', () => new Promise<void>(() => {}));
    await app.jobs.defer({ session: 's' }, 'k', () => new Promise(() => {}));
    void ask(app, 'endless');
    await clock.advance(10);
    const closed = track(app.close({ graceMs: 100 }), clock);
    await clock.advance(99);
    expect(closed).toEqual({}); // still waiting for the turn in flight
    await clock.advance(1);
    expect(closed).toEqual({ result: undefined, at: 110 }); // the grace is over: closed without it
    expect(logger.records.some((r) => r.message === 'turns still running at the end of the grace period')).toBe(true);
    expect(app.jobs.inFlight).toBe(0);
  });

  it('logs a failing hook and goes on', async () => {
    const { app, logger } = testApp();
    let after = false;
    app.onClose(() => void (after = true));
    app.onClose(() => {
      throw new Error('db already closed');
    });
    await app.close();
    expect(after).toBe(true);
    expect(logger.records.some((r) => r.level === 'error' && r.message === 'closing a close hook failed')).toBe(true);
  });
});
