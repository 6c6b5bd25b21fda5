import { withDeadline } from '../../src/core/deadline.js';

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
});
