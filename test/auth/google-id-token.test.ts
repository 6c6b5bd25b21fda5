import { fakeClock } from '../../src/testing/index.js';
import { googleCerts } from '../../src/auth/google-certs.js';
import { googleIdToken, type GoogleIdTokenOptions } from '../../src/auth/google-id-token.js';
import type { AuthResult } from '../../src/auth/verifier.js';
import { agentClaims, AUDIENCE, fakeCertsFetch, idToken, OTHER_AGENT, SERVICE_AGENT, signingKey } from '../support/google-tokens.js';

const KEY = signingKey('google-key-1');
const FOREIGN = signingKey('google-key-1'); // same kid, another key: a forger's
const UNPUBLISHED = signingKey('forger-key');

function verifier(options: Partial<GoogleIdTokenOptions> = {}) {
  return googleIdToken({
    audience: AUDIENCE,
    serviceAccounts: [SERVICE_AGENT],
    keys: googleCerts({ fetch: fakeCertsFetch(() => [KEY]) }),
    ...options,
  });
}
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
async function check(headers: Record<string, string>, options: Partial<GoogleIdTokenOptions> = {}): Promise<AuthResult> {
  return verifier(options)({ headers, rawBody: undefined });
}
const reasonOf = (result: AuthResult): string => (result.ok ? '' : result.reason);

describe('googleIdToken()', () => {
  it("accepts the service agent's valid token; the caller is its email", async () => {
    const result = await check(bearer(idToken(KEY, agentClaims())));
    expect(result).toMatchObject({
      ok: true,
      caller: { scheme: 'google-id-token', id: SERVICE_AGENT, details: { aud: AUDIENCE, iss: 'https://accounts.google.com' } },
    });
  });

  it('accepts any of several audiences and the email in any case', async () => {
    const token = idToken(KEY, agentClaims({ aud: 'https://other.example.com', email: SERVICE_AGENT.toUpperCase() }));
    expect(await check(bearer(token), { audience: [AUDIENCE, 'https://other.example.com'] })).toMatchObject({ ok: true });
  });

  it("refuses another project's service agent with 403: known, but not ours", async () => {
    const result = await check(bearer(idToken(KEY, agentClaims({ email: OTHER_AGENT }))));
    expect(result).toMatchObject({ ok: false, status: 403 });
    expect(reasonOf(result)).toContain(OTHER_AGENT);
  });

  it.each([
    ['no header', {}, 'no authorization header'],
    ['an empty header', { authorization: '' }, 'not a Bearer JWT'],
    ['Basic instead of Bearer', { authorization: 'Basic dXNlcjpwYXNz' }, 'not a Bearer JWT'],
    ['a token of two segments', bearer('eyJhbGciOiJSUzI1NiJ9.e30'), 'not a Bearer JWT'],
    ['a header that is not JSON', bearer('bm90IGpzb24.e30.c2ln'), 'not RS256'],
    ['alg none', bearer(idToken(KEY, agentClaims(), { alg: 'none' })), 'not RS256'],
    ['alg HS256', bearer(idToken(KEY, agentClaims(), { alg: 'HS256' })), 'not RS256'],
    ['no kid', bearer(idToken(KEY, agentClaims(), { kid: undefined })), 'not RS256'],
    ['a key Google does not publish', bearer(idToken(UNPUBLISHED, agentClaims())), 'a key Google does not publish'],
    ['a foreign key under a published kid', bearer(idToken(FOREIGN, agentClaims())), 'signature does not verify'],
    ['a wrong audience', bearer(idToken(KEY, agentClaims({ aud: 'https://attacker.example.com' }))), 'wrong audience'],
    ['a wrong issuer', bearer(idToken(KEY, agentClaims({ iss: 'https://evil.example.com' }))), 'wrong issuer'],
    ['email_verified false', bearer(idToken(KEY, agentClaims({ email_verified: false }))), 'no verified email'],
    ['email_verified as a string', bearer(idToken(KEY, agentClaims({ email_verified: 'true' }))), 'no verified email'],
    ['no email', bearer(idToken(KEY, agentClaims({ email: undefined }))), 'no verified email'],
    [
      'an expired token',
      bearer(idToken(KEY, agentClaims({ iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 }))),
      'expired',
    ],
    ['no exp', bearer(idToken(KEY, agentClaims({ exp: undefined }))), 'no exp'],
    ['a signature over other claims', bearer(swapPayload(idToken(KEY, agentClaims()), agentClaims({ email: 'x@y.z' }))), 'signature does not verify'],
  ])('refuses %s with 401', async (_name, headers, reason) => {
    const result = await check(headers as Record<string, string>);
    expect(result).toMatchObject({ ok: false, status: 401 });
    expect(reasonOf(result)).toContain(reason);
  });

  it('names the audience a refused token carried, so the configuration can be fixed', async () => {
    const result = await check(bearer(idToken(KEY, agentClaims({ aud: 'https://my-service-abc.a.run.app' }))));
    expect(reasonOf(result)).toBe('google-id-token: wrong audience (the token is for "https://my-service-abc.a.run.app")');
  });

  it('judges exp and iat by its own clock with clockSkewSeconds', async () => {
    const now = Date.now();
    const clock = fakeClock(now);
    const justExpired = idToken(KEY, agentClaims({ iat: Math.floor(now / 1000) - 3600, exp: Math.floor(now / 1000) - 30 }));
    expect(await check(bearer(justExpired), { clock })).toMatchObject({ ok: true }); // within the 60 s skew
    expect(await check(bearer(justExpired), { clock, clockSkewSeconds: 10 })).toMatchObject({ ok: false, status: 401 });
    const early = idToken(KEY, agentClaims({ iat: Math.floor(now / 1000) + 120 }));
    expect(reasonOf(await check(bearer(early), { clock }))).toContain('issued in the future');
  });

  it('refuses a token whose nbf is still ahead, with the same clockSkewSeconds as exp (field report 6)', async () => {
    const now = Date.now();
    const clock = fakeClock(now);
    const seconds = Math.floor(now / 1000);
    const later = idToken(KEY, agentClaims({ iat: seconds, nbf: seconds + 600 }));
    expect(await check(bearer(later), { clock })).toMatchObject({ ok: false, status: 401, reason: 'google-id-token: not valid yet (nbf)' });
    const soon = idToken(KEY, agentClaims({ iat: seconds, nbf: seconds + 30 }));
    expect(await check(bearer(soon), { clock })).toMatchObject({ ok: true }); // within the 60 s skew
    expect(reasonOf(await check(bearer(soon), { clock, clockSkewSeconds: 10 }))).toBe('google-id-token: not valid yet (nbf)');
    await clock.advance(600_000);
    expect(await check(bearer(later), { clock })).toMatchObject({ ok: true });
    const garbled = idToken(KEY, agentClaims({ nbf: 'soon' }));
    expect(reasonOf(await check(bearer(garbled), { clock }))).toBe('google-id-token: not valid yet (nbf)');
  });

  it('never quotes the token in its reasons', async () => {
    const token = idToken(FOREIGN, agentClaims());
    const result = await check(bearer(token));
    const [header, payload, signature] = token.split('.');
    for (const part of [header!, payload!, signature!]) expect(reasonOf(result)).not.toContain(part);
  });

  it("refuses (never throws) when Google's keys cannot be fetched", async () => {
    const down = (async () => new Response('', { status: 500 })) as unknown as typeof fetch;
    const result = await check(bearer(idToken(KEY, agentClaims())), { keys: googleCerts({ fetch: down }) });
    expect(result).toMatchObject({ ok: false, status: 401, reason: expect.stringContaining('could not be fetched') });
  });

  it('refuses to be made without an audience or without allowed service accounts', () => {
    expect(() => googleIdToken({ audience: [], serviceAccounts: [SERVICE_AGENT] })).toThrow(/audience/);
    expect(() => googleIdToken({ audience: ' ', serviceAccounts: [SERVICE_AGENT] })).toThrow(/audience/);
    expect(() => googleIdToken({ audience: AUDIENCE, serviceAccounts: [] })).toThrow(/any Google account/);
  });
});

/** The token's signature with another payload: what an attacker who edits claims sends. */
function swapPayload(token: string, claims: Record<string, unknown>): string {
  const [header, , signature] = token.split('.');
  return `${header!}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature!}`;
}
