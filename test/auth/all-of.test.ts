import { allOf } from '../../src/auth/all-of.js';
import { refuse, type Verifier } from '../../src/auth/verifier.js';

const request = { headers: {}, rawBody: undefined };
const accept =
  (scheme: string, id: string): Verifier =>
  () => ({ ok: true, caller: { scheme, id } });

describe('allOf()', () => {
  it('accepts when all accept; the caller combines them', async () => {
    const result = await allOf(accept('google-id-token', 'agent@x'), accept('api-key', 'key-1'))(request);
    expect(result).toEqual({
      ok: true,
      caller: {
        scheme: 'google-id-token+api-key',
        id: 'agent@x',
        via: [
          { scheme: 'google-id-token', id: 'agent@x' },
          { scheme: 'api-key', id: 'key-1' },
        ],
      },
    });
  });

  it('refuses with the first refusal, and does not run the rest', async () => {
    let laterRan = false;
    const later: Verifier = () => ((laterRan = true), refuse('c: no'));
    expect(await allOf(accept('a', 'a'), () => refuse('b: not ours', 403), later)(request)).toEqual({ ok: false, status: 403, reason: 'b: not ours' });
    expect(laterRan).toBe(false);
  });

  it('refuses when one throws', async () => {
    const throws: Verifier = () => Promise.reject(new RangeError('x'));
    expect(await allOf(accept('a', 'a'), throws)(request)).toMatchObject({ ok: false, status: 401 });
  });

  it('needs at least one verifier', () => {
    expect(() => allOf()).toThrow(/at least one/);
  });
});
