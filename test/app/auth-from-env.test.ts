import { authFromEnv } from '../../src/app/auth-from-env.js';
import { sign } from '../../src/auth/standard-webhooks.js';
import type { Verifier } from '../../src/auth/verifier.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { agentClaims, AUDIENCE, fakeCertsFetch, idToken, SERVICE_AGENT, signingKey } from '../support/google-tokens.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const basic = (text: string): string => `Basic ${Buffer.from(text).toString('base64')}`;
const make = (env: Record<string, string>, fetch?: typeof globalThis.fetch): Verifier | undefined =>
  authFromEnv(env, { store: new MemoryStore(), ...(fetch === undefined ? {} : { fetch }) });
const run = async (verifier: Verifier | undefined, headers: Record<string, string>, rawBody?: Uint8Array) => verifier!({ headers, rawBody });

describe('authFromEnv()', () => {
  it('configures nothing when no variable is set, or only blank ones', () => {
    expect(make({})).toBeUndefined();
    expect(make({ FULFILLER_API_KEYS: '', FULFILLER_BASIC_AUTH: '  ' })).toBeUndefined();
  });

  it('FULFILLER_API_KEYS: comma-separated keys in x-api-key, or FULFILLER_API_KEY_HEADER', async () => {
    const verifier = make({ FULFILLER_API_KEYS: 'k-one-1234567890, k-two-1234567890' });
    expect(await run(verifier, { 'x-api-key': 'k-two-1234567890' })).toMatchObject({ ok: true, caller: { id: 'key-2' } });
    expect(await run(verifier, { 'x-api-key': 'k-three' })).toMatchObject({ ok: false });
    const custom = make({ FULFILLER_API_KEYS: 'k-one-1234567890', FULFILLER_API_KEY_HEADER: 'x-dialogflow-key' });
    expect(await run(custom, { 'x-dialogflow-key': 'k-one-1234567890' })).toMatchObject({ ok: true });
  });

  it('FULFILLER_BASIC_AUTH: user:password pairs, the password may hold colons', async () => {
    const verifier = make({ FULFILLER_BASIC_AUTH: 'dialogflow:s3cret:x,ops:0ps-pass' });
    expect(await run(verifier, { authorization: basic('dialogflow:s3cret:x') })).toMatchObject({ ok: true, caller: { id: 'dialogflow' } });
    expect(await run(verifier, { authorization: basic('ops:0ps-pass') })).toMatchObject({ ok: true, caller: { id: 'ops' } });
  });

  it('FULFILLER_HMAC_SECRETS: Standard Webhooks secrets', async () => {
    const body = Buffer.from('{}');
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      'webhook-id': 'msg_env',
      'webhook-timestamp': String(timestamp),
      'webhook-signature': sign({ secret: SECRET, id: 'msg_env', timestamp, body }),
    };
    expect(await run(make({ FULFILLER_HMAC_SECRETS: `whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD,${SECRET}` }), headers, body)).toMatchObject({
      ok: true,
      caller: { scheme: 'hmac', id: 'secret-2' },
    });
  });

  it('FULFILLER_GOOGLE_AUDIENCE with FULFILLER_GOOGLE_SERVICE_ACCOUNT, keys from FULFILLER_GOOGLE_CERTS_URL', async () => {
    const key = signingKey('k1');
    const urls: string[] = [];
    const certs = fakeCertsFetch(() => [key]);
    const fetch = (async (url: string | URL | Request, init?: RequestInit) => {
      urls.push(String(url));
      return certs(url, init);
    }) as typeof globalThis.fetch;
    const verifier = make(
      { FULFILLER_GOOGLE_AUDIENCE: AUDIENCE, FULFILLER_GOOGLE_SERVICE_ACCOUNT: SERVICE_AGENT, FULFILLER_GOOGLE_CERTS_URL: 'http://127.0.0.1:9/certs' },
      fetch,
    );
    expect(await run(verifier, { authorization: `Bearer ${idToken(key, agentClaims())}` })).toMatchObject({ ok: true, caller: { id: SERVICE_AGENT } });
    expect(urls).toEqual(['http://127.0.0.1:9/certs']);
  });

  it('accepts any of the configured modes', async () => {
    const verifier = make({ FULFILLER_API_KEYS: 'k-one-1234567890', FULFILLER_BASIC_AUTH: 'dialogflow:s3cret' });
    expect(await run(verifier, { 'x-api-key': 'k-one-1234567890' })).toMatchObject({ ok: true, caller: { scheme: 'api-key' } });
    expect(await run(verifier, { authorization: basic('dialogflow:s3cret') })).toMatchObject({ ok: true, caller: { scheme: 'basic' } });
    expect(await run(verifier, { authorization: basic('dialogflow:wrong') })).toMatchObject({ ok: false, status: 401 });
  });

  it.each([
    [{ FULFILLER_API_KEYS: 'a-key-1234567890,,b' }, /FULFILLER_API_KEYS has an empty entry/],
    [{ FULFILLER_BASIC_AUTH: 'dialogflow' }, /FULFILLER_BASIC_AUTH entry 1 must be user:password/],
    [{ FULFILLER_BASIC_AUTH: 'a:b,:nouser' }, /entry 2 must be user:password/],
    [{ FULFILLER_BASIC_AUTH: 'user:' }, /entry 1 must be user:password/],
    [{ FULFILLER_HMAC_SECRETS: 'whsec_tooshort' }, /HMAC secret/],
    [{ FULFILLER_GOOGLE_AUDIENCE: AUDIENCE }, /go together/],
    [{ FULFILLER_GOOGLE_SERVICE_ACCOUNT: SERVICE_AGENT }, /go together/],
    [{ FULFILLER_API_KEYS: 'k', FULFILLER_API_KEY_HEADER: 'bad header' }, /not a valid header name/],
  ])('refuses %j at start-up, without quoting the value', (env, message) => {
    let error: unknown;
    try {
      make(env as Record<string, string>);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'ERR_INVALID_OPTION', message: expect.stringMatching(message) });
    expect((error as Error).message).not.toMatch(/tooshort|nouser|a-key-1234567890/);
  });
});
