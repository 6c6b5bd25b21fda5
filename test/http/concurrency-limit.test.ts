import { ConcurrencyLimit } from '../../src/http/concurrency-limit.js';
import { jsonResult, type HttpResult } from '../../src/http/http-result.js';

const ok = (): HttpResult => jsonResult(200, '{}');

describe('ConcurrencyLimit', () => {
  it('runs up to max at once and answers 503 with Retry-After beyond', async () => {
    const limit = new ConcurrencyLimit(1);
    let open: () => void = () => {};
    const first = limit.run(() => new Promise<HttpResult>((resolve) => (open = () => resolve(ok()))));
    const refused = await limit.run(async () => ok());
    expect(refused).toMatchObject({ status: 503, headers: { 'retry-after': '1' } });
    expect(JSON.parse(refused.body)).toEqual({ error: { code: 'ERR_OVERLOADED', message: 'The server is busy. Retry shortly.' } });
    open();
    expect((await first).status).toBe(200);
    expect((await limit.run(async () => ok())).status).toBe(200);
  });

  it('frees the slot when the work fails', async () => {
    const limit = new ConcurrencyLimit(1);
    await expect(limit.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect((await limit.run(async () => ok())).status).toBe(200);
  });
});
