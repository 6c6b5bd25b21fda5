import { anyOf } from '../../src/auth/any-of.js';
import { refuse, type Verifier } from '../../src/auth/verifier.js';

const request = { headers: {}, rawBody: undefined };
const accept =
  (id: string): Verifier =>
  () => ({ ok: true, caller: { scheme: 'test', id } });
const throws: Verifier = () => {
  throw new Error('boom');
};

describe('anyOf()', () => {
  it('accepts with the first verifier that accepts, and does not run the rest', async () => {
    let laterRan = false;
    const later: Verifier = () => ((laterRan = true), refuse('c: no'));
    expect(await anyOf(() => refuse('a: no'), accept('b'), later)(request)).toEqual({ ok: true, caller: { scheme: 'test', id: 'b' } });
    expect(laterRan).toBe(false);
  });

  it('refuses with 401 when all refuse, joining the reasons', async () => {
    expect(
      await anyOf(
        () => refuse('a: no'),
        () => refuse('b: no'),
      )(request),
    ).toEqual({ ok: false, status: 401, reason: 'a: no; b: no' });
  });

  it('refuses with 403 when one of them knew the caller but did not allow it', async () => {
    expect(
      await anyOf(
        () => refuse('a: no'),
        () => refuse('b: not ours', 403),
      )(request),
    ).toMatchObject({ ok: false, status: 403 });
  });

  it('lets the others decide when one throws', async () => {
    expect(await anyOf(throws, accept('b'))(request)).toMatchObject({ ok: true });
    expect(await anyOf(throws)(request)).toMatchObject({ ok: false, status: 401, reason: 'a verifier threw Error' });
  });

  it('needs at least one verifier', () => {
    expect(() => anyOf()).toThrow(/at least one/);
  });
});
