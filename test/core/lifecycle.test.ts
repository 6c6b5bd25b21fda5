import { setTimeout as sleep } from 'node:timers/promises';
import { MemoryStore, type Fulfiller } from '../../src/index.js';
import { testApp } from '../support/app.js';
import { cxRequest, JSON_HEADERS } from '../support/requests.js';
import { textsOf, validResponse } from '../support/responses.js';

const ask = (app: Fulfiller, tag: string): ReturnType<Fulfiller['handle']> => app.handle(JSON.stringify(cxRequest(tag)), JSON_HEADERS);

describe('app.close()', () => {
  it('refuses new turns at once, lets the turn in flight finish, then closes jobs, hooks and the store', async () => {
    const { app } = testApp({ deadlineMs: 2000 });
    const order: string[] = [];
    app.tag('slow', async (turn) => {
      await sleep(150);
      order.push('turn');
      turn.say('finished in time');
    });
    app.onClose(() => void order.push('first hook'));
    app.onClose(() => void order.push('second hook'));
    await app.jobs.defer({ session: 's' }, 'k', async () => {
      await sleep(50);
      order.push('job');
    });
    const inFlight = ask(app, 'slow');
    await sleep(10);
    const closed = app.close();
    expect(app.ready).toBe(false);
    const refused = await ask(app, 'slow');
    expect(refused.status).toBe(503);
    expect(JSON.parse(refused.body).error.code).toBe('ERR_SHUTTING_DOWN');
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
    const { app, logger } = testApp({ deadlineMs: 600 });
    app.tag('endless', () => sleep(5000, undefined, { ref: false }));
    await app.jobs.defer({ session: 's' }, 'k', () => new Promise(() => {}));
    void ask(app, 'endless');
    await sleep(10);
    const started = performance.now();
    await app.close({ graceMs: 100 });
    expect(performance.now() - started).toBeLessThan(1000);
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
