import { refuse, runVerifier, type Verifier } from '../../src/auth/verifier.js';

const request = { headers: {}, rawBody: undefined };

describe('runVerifier()', () => {
  it('passes answers through', async () => {
    const yes: Verifier = () => ({ ok: true, caller: { scheme: 'test', id: 'me' } });
    expect(await runVerifier(yes, request)).toEqual({ ok: true, caller: { scheme: 'test', id: 'me' } });
    expect(await runVerifier(() => refuse('no', 403), request)).toEqual({ ok: false, status: 403, reason: 'no' });
  });

  it('turns a throw into a 401 whose reason names the class, never the message', async () => {
    const throws: Verifier = () => {
      throw new TypeError('token eyJhbGciOi.secret.part is bad');
    };
    const rejects: Verifier = () => Promise.reject(new Error('password=hunter2'));
    expect(await runVerifier(throws, request)).toEqual({ ok: false, status: 401, reason: 'a verifier threw TypeError' });
    expect(await runVerifier(rejects, request)).toEqual({ ok: false, status: 401, reason: 'a verifier threw Error' });
  });

  it('refuses a verifier that answers nonsense', async () => {
    expect(await runVerifier((() => undefined) as unknown as Verifier, request)).toMatchObject({ ok: false, status: 401 });
    expect(await runVerifier((() => ({ ok: 'yes' })) as unknown as Verifier, request)).toMatchObject({ ok: false, status: 401 });
  });
});
