import { HandlerError, Jobs, MemoryLogger, MemoryStore, sleep, type JobOwner } from '../../src/index.js';
import { LOST_AFTER_MS } from '../../src/jobs/job-state.js';
import { fakeClock, type FakeClock } from '../../src/testing/index.js';
import { track } from '../support/timing.js';

const owner: JobOwner = { session: 'projects/p/locations/global/agents/a/sessions/s1' };

function jobs(options: { store?: MemoryStore; clock?: FakeClock } = {}): { jobs: Jobs; logger: MemoryLogger; store: MemoryStore } {
  const logger = new MemoryLogger();
  const store = options.store ?? new MemoryStore();
  return { jobs: new Jobs({ store, logger, ...(options.clock ? { clock: options.clock } : {}) }), logger, store };
}

/** A job the test finishes by hand. */
function gate<T>(): { work: () => Promise<T>; open: (value: T) => void } {
  let open: (value: T) => void = () => {};
  const promise = new Promise<T>((resolve) => (open = resolve));
  return { work: () => promise, open };
}

describe('Jobs', () => {
  it('answers at once with running, then keeps the result for later turns', async () => {
    const { jobs: j } = jobs();
    const { work, open } = gate<{ total: number }>();
    const started = await j.defer(owner, 'report', work);
    expect(started).toEqual({ status: 'running', startedAt: expect.any(Number) });
    expect(await j.get(owner, 'report')).toMatchObject({ status: 'running' });
    expect(j.inFlight).toBe(1);
    open({ total: 37000 });
    const done = await j.wait(owner, 'report', 1000);
    expect(done).toMatchObject({ status: 'done', result: { total: 37000 } });
    expect(await j.get(owner, 'report')).toMatchObject({ status: 'done', result: { total: 37000 } });
    expect(j.inFlight).toBe(0);
    expect(await j.get(owner, 'other')).toBeUndefined();
  });

  it('does not start a running job twice; a finished one is replaced by a fresh run', async () => {
    const { jobs: j } = jobs();
    let runs = 0;
    const { work, open } = gate<number>();
    const first = (): Promise<number> => (runs++, work());
    await j.defer(owner, 'k', first);
    expect(await j.defer(owner, 'k', first)).toMatchObject({ status: 'running' });
    open(1);
    await j.wait(owner, 'k', 1000);
    expect(runs).toBe(1);
    await j.defer(owner, 'k', async () => 2);
    expect(await j.wait(owner, 'k', 1000)).toMatchObject({ status: 'done', result: 2 });
  });

  it('records a job that throws a proxy whose traps throw as failed, and never rejects (field report 4)', async () => {
    const { jobs: j, logger } = jobs();
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('get trap');
        },
        getPrototypeOf() {
          throw new Error('getPrototypeOf trap');
        },
      },
    );
    await j.defer(owner, 'hostile', async () => {
      throw hostile;
    });
    expect(await j.wait(owner, 'hostile', 1000)).toMatchObject({
      status: 'failed',
      error: { code: 'ERR_HANDLER_FAILED', message: 'the thrown value could not be read (its getters or proxy traps threw)' },
    });
    expect(logger.records.map((record) => record.message)).toContain('job failed: a later turn will hear about it');
  });

  it('keeps jobs apart by session and by key', async () => {
    const { jobs: j } = jobs();
    await j.defer(owner, 'a', async () => 'mine');
    await j.wait(owner, 'a', 1000);
    expect(await j.get({ session: 'projects/p/agent/sessions/s2' }, 'a')).toBeUndefined();
    expect(await j.get(owner, 'b')).toBeUndefined();
    await j.forget(owner, 'a');
    expect(await j.get(owner, 'a')).toBeUndefined();
  });

  it('records failures as plain data with their code, never as unhandled rejections', async () => {
    const { jobs: j, logger } = jobs();
    await j.defer(owner, 'plain', () => Promise.reject(new Error('backend down')));
    await j.defer(owner, 'sync', () => {
      throw new Error('at once');
    });
    await j.defer(owner, 'coded', () => Promise.reject(new HandlerError('x')));
    await j.defer(owner, 'bigint', async () => 10n);
    expect(await j.wait(owner, 'plain', 1000)).toMatchObject({ status: 'failed', error: { code: 'ERR_HANDLER_FAILED', message: 'backend down' } });
    expect(await j.wait(owner, 'sync', 1000)).toMatchObject({ status: 'failed', error: { message: 'at once' } });
    expect(await j.wait(owner, 'coded', 1000)).toMatchObject({ status: 'failed', error: { code: 'ERR_HANDLER_FAILED' } });
    expect(await j.wait(owner, 'bigint', 1000)).toMatchObject({ status: 'failed', error: { code: 'ERR_JOB_RESULT' } });
    expect(logger.records.filter((r) => r.message.startsWith('job failed'))).toHaveLength(4);
  });

  it('aborts a job at its timeout, even one that ignores its signal', async () => {
    const clock = fakeClock(1_000_000);
    const { jobs: j } = jobs({ store: new MemoryStore({ clock }), clock });
    let signal: AbortSignal | undefined;
    await j.defer(
      owner,
      'slow',
      (s) => {
        signal = s;
        return new Promise(() => {});
      },
      { timeoutMs: 30 },
    );
    await clock.advance(29);
    expect(await j.get(owner, 'slow')).toMatchObject({ status: 'running' });
    expect(signal?.aborted).toBe(false);
    const state = j.wait(owner, 'slow', 2000);
    await clock.advance(1);
    expect(await state).toMatchObject({ status: 'failed', error: { code: 'ERR_JOB_TIMEOUT' } });
    expect(signal?.aborted).toBe(true);
    expect(j.inFlight).toBe(0);
  });

  it('keeps a result for ttlMs', async () => {
    const clock = fakeClock(1_000_000);
    const { jobs: j } = jobs({ store: new MemoryStore({ clock }), clock });
    await j.defer(owner, 'k', async () => 'report', { ttlMs: 1000 });
    await j.wait(owner, 'k', 1000);
    await clock.advance(999);
    expect(await j.get(owner, 'k')).toMatchObject({ status: 'done' });
    await clock.advance(1);
    expect(await j.get(owner, 'k')).toBeUndefined();
  });

  it('reports a job whose instance went away as interrupted, and lets it be deferred again', async () => {
    const clock = fakeClock(1_000_000);
    const store = new MemoryStore({ clock });
    const lost = jobs({ store, clock: fakeClock(1_000_000) }).jobs; // its own clock never moves: its timers never fire, like a dead instance's
    const survivor = jobs({ store, clock }).jobs;
    await lost.defer(owner, 'k', () => new Promise(() => {}), { timeoutMs: 60_000 }); // never records an end: as if its instance died
    await clock.advance(60_000 + LOST_AFTER_MS + 1);
    expect(await survivor.get(owner, 'k')).toMatchObject({ status: 'failed', error: { code: 'ERR_JOB_INTERRUPTED' } });
    expect(await survivor.defer(owner, 'k', async () => 'again')).toMatchObject({ status: 'running' });
    expect(await survivor.wait(owner, 'k', 1000)).toMatchObject({ status: 'done', result: 'again' });
    await lost.drain(0);
  });

  it('a late end of a replaced run does not overwrite its successor', async () => {
    const clock = fakeClock(1_000_000);
    const store = new MemoryStore({ clock });
    const old = jobs({ store, clock }).jobs;
    const fresh = jobs({ store, clock }).jobs;
    const slow = gate<string>();
    await old.defer(owner, 'k', slow.work, { timeoutMs: 60_000 });
    await clock.advance(60_000 + LOST_AFTER_MS + 1); // the lock has expired: the job counts as lost
    await fresh.defer(owner, 'k', async () => 'new');
    await fresh.wait(owner, 'k', 1000);
    slow.open('old');
    await old.drain(1000);
    expect(await fresh.get(owner, 'k')).toMatchObject({ status: 'done', result: 'new' });
  });

  it('wait() returns early when the owner gives up', async () => {
    const clock = fakeClock(1_000_000);
    const { jobs: j } = jobs({ store: new MemoryStore({ clock }), clock });
    await j.defer(owner, 'k', () => new Promise(() => {}));
    const turn = new AbortController();
    const state = track(j.wait({ ...owner, signal: turn.signal }, 'k', 5000), clock);
    await clock.advance(30);
    expect(state).toEqual({}); // waiting
    turn.abort(new Error('the turn ran out of time'));
    await clock.advance(0);
    expect(state).toEqual({ result: expect.objectContaining({ status: 'running' }), at: 1_000_030 }); // at once, not after 5000 ms
    await j.drain(0);
  });

  it('drain() lets quick jobs finish and interrupts the rest, which can be deferred again', async () => {
    const clock = fakeClock(1_000_000);
    const { jobs: j } = jobs({ store: new MemoryStore({ clock }), clock });
    await j.defer(owner, 'quick', () => sleep(clock, 10).then(() => 'done in time'));
    let aborted = false;
    await j.defer(owner, 'endless', (signal) => new Promise(() => signal.addEventListener('abort', () => (aborted = true))));
    const drained = track(j.drain(100), clock);
    await clock.advance(100);
    expect(drained.at).toBe(1_000_100);
    expect(j.inFlight).toBe(0);
    expect(aborted).toBe(true);
    expect(await j.get(owner, 'quick')).toMatchObject({ status: 'done', result: 'done in time' });
    expect(await j.get(owner, 'endless')).toMatchObject({ status: 'failed', error: { code: 'ERR_JOB_INTERRUPTED' } });
    expect(await j.defer(owner, 'endless', async () => 'restarted')).toMatchObject({ status: 'running' });
    expect(await j.wait(owner, 'endless', 1000)).toMatchObject({ status: 'done', result: 'restarted' });
  });
});
