import { systemClock } from '../../src/base/clock.js';
import { withDeadline } from '../../src/core/deadline.js';
import { fakeClock } from '../../src/testing/index.js';
import { runNodeScript } from '../support/node-script.js';
import { gate, track } from '../support/timing.js';

describe('withDeadline', () => {
  it('returns done when the work finishes in time', async () => {
    const clock = fakeClock(0);
    const { work, open } = gate();
    const outcome = track(
      withDeadline(work, 200, clock, () => {}),
      clock,
    );
    await clock.advance(199);
    open();
    await clock.advance(0);
    expect(outcome).toEqual({ result: 'done', at: 199 });
  });

  it('returns timeout when the budget runs out, at the budget and not before', async () => {
    const clock = fakeClock(0);
    const outcome = track(
      withDeadline(gate().work, 10, clock, () => {}),
      clock,
    );
    await clock.advance(9);
    expect(outcome.result).toBeUndefined();
    await clock.advance(1);
    expect(outcome).toEqual({ result: 'timeout', at: 10 });
  });

  it('rejects when the work fails in time', async () => {
    await expect(withDeadline(Promise.reject(new Error('boom')), 100, fakeClock(), () => {})).rejects.toThrow('boom');
  });

  it('hands a failure after the deadline to onLateError instead of rejecting', async () => {
    const clock = fakeClock(0);
    const late: unknown[] = [];
    const { work, fail } = gate();
    const outcome = track(
      withDeadline(work, 5, clock, (error) => late.push(error)),
      clock,
    );
    await clock.advance(5);
    expect(outcome.result).toBe('timeout');
    fail(new Error('late'));
    await clock.advance(0);
    expect(late).toEqual([expect.objectContaining({ message: 'late' })]);
  });

  it('times out each of many turns of one budget at its own deadline, whatever the order the others end in', async () => {
    const clock = fakeClock(0);
    const turns = [gate(), gate(), gate(), gate(), gate()];
    const budgets = [20, 20, 40, 60, 60];
    const outcomes = turns.map((turn, i) =>
      track(
        withDeadline(turn.work, budgets[i]!, clock, () => {}),
        clock,
      ),
    );
    await clock.advance(1);
    turns[1]!.open();
    await clock.advance(4);
    turns[4]!.open();
    await clock.advance(100);
    turns[0]!.open();
    turns[2]!.open();
    expect(outcomes).toEqual([
      { result: 'timeout', at: 20 },
      { result: 'done', at: 1 },
      { result: 'timeout', at: 40 },
      { result: 'timeout', at: 60 },
      { result: 'done', at: 5 },
    ]);
  });

  it('starts each deadline when its turn starts, not when the first turn of the budget did', async () => {
    const clock = fakeClock(0);
    const first = gate();
    const second = gate();
    const firstOutcome = track(
      withDeadline(first.work, 50, clock, () => {}),
      clock,
    );
    await clock.advance(30);
    const secondOutcome = track(
      withDeadline(second.work, 50, clock, () => {}),
      clock,
    );
    await clock.advance(40); // 70 ms after the first started, 40 after the second
    second.open();
    await clock.advance(0);
    expect(firstOutcome).toEqual({ result: 'timeout', at: 50 });
    expect(secondOutcome).toEqual({ result: 'done', at: 70 });
  });

  it('keeps the budgets of two clocks apart', async () => {
    const a = fakeClock(0);
    const b = fakeClock(0);
    const onA = track(
      withDeadline(gate().work, 10, a, () => {}),
      a,
    );
    const onB = track(
      withDeadline(gate().work, 10, b, () => {}),
      b,
    );
    await a.advance(10);
    expect(onA.result).toBe('timeout');
    expect(onB.result).toBeUndefined();
    await b.advance(10);
    expect(onB.result).toBe('timeout');
  });

  it('answers on the system clock too', async () => {
    await expect(withDeadline(new Promise(() => {}), 1, systemClock, () => {})).resolves.toBe('timeout');
  });

  it('does not keep an idle process alive once its turns are done', async () => {
    const url = new URL('../../dist/src/core/deadline.js', import.meta.url).href; // built by npm test's pretest
    const clockUrl = new URL('../../dist/src/base/clock.js', import.meta.url).href;
    const script = `
      const { withDeadline } = await import(${JSON.stringify(url)});
      const { systemClock } = await import(${JSON.stringify(clockUrl)});
      console.log(await withDeadline(Promise.resolve(), 60_000, systemClock, () => {}));
      process.on('exit', () => console.log('exited'));
    `;
    // A held process would hang here for a minute and fail the suite's timeout: exiting at all is the test.
    const { stdout, stderr } = runNodeScript(script);
    expect(stderr).toBe('');
    expect(stdout.trim().split('\n')).toEqual(['done', 'exited']);
  });
});
