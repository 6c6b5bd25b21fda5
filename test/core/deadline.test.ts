import { withDeadline } from '../../src/core/deadline.js';
import { runNodeScript } from '../support/node-script.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('withDeadline', () => {
  it('returns done when the work finishes in time', async () => {
    await expect(withDeadline(sleep(1), 200, () => {})).resolves.toBe('done');
  });

  it('returns timeout when the budget runs out', async () => {
    await expect(withDeadline(sleep(200), 10, () => {})).resolves.toBe('timeout');
  });

  it('rejects when the work fails in time', async () => {
    await expect(withDeadline(Promise.reject(new Error('boom')), 100, () => {})).rejects.toThrow('boom');
  });

  it('hands a failure after the deadline to onLateError instead of rejecting', async () => {
    const late: unknown[] = [];
    const work = sleep(30).then(() => {
      throw new Error('late');
    });
    await expect(withDeadline(work, 5, (error) => late.push(error))).resolves.toBe('timeout');
    await sleep(50);
    expect(late).toEqual([expect.objectContaining({ message: 'late' })]);
  });

  it('times out each of many turns of one budget at its own deadline, whatever the order the others end in', async () => {
    const started = performance.now();
    const outcomes = await Promise.all([
      withDeadline(sleep(200), 20, () => {}),
      withDeadline(sleep(1), 20, () => {}),
      withDeadline(sleep(200), 40, () => {}),
      withDeadline(new Promise(() => {}), 60, () => {}),
      withDeadline(sleep(5), 60, () => {}),
    ]);
    expect(outcomes).toEqual(['timeout', 'done', 'timeout', 'timeout', 'done']);
    expect(performance.now() - started).toBeGreaterThanOrEqual(59);
    expect(performance.now() - started).toBeLessThan(190);
  });

  it('starts each deadline when its turn starts, not when the first turn of the budget did', async () => {
    const first = withDeadline(sleep(300), 50, () => {});
    await sleep(30);
    const second = withDeadline(sleep(40), 50, () => {}); // ends 70 ms after the first started, within its own 50
    await expect(second).resolves.toBe('done');
    await expect(first).resolves.toBe('timeout');
  });

  it('does not keep an idle process alive once its turns are done', async () => {
    const url = new URL('../../dist/src/core/deadline.js', import.meta.url).href; // built by npm test's pretest
    const script = `
      const { withDeadline } = await import(${JSON.stringify(url)});
      const started = performance.now();
      console.log(await withDeadline(Promise.resolve(), 60_000, () => {}));
      process.on('exit', () => console.log(performance.now() - started < 5_000 ? 'exited at once' : 'held'));
    `;
    const { stdout, stderr } = runNodeScript(script);
    expect(stderr).toBe('');
    expect(stdout.trim().split('\n')).toEqual(['done', 'exited at once']);
  });
});
