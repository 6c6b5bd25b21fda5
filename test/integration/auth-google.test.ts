import { googleCerts, googleIdToken } from '../../src/index.js';
import { cxRequest, esRequest } from '../../src/testing/index.js';
import { serveGuardedHello, type GuardedHello } from '../support/app.js';
import { agentClaims, AUDIENCE, certsServer, idToken, OTHER_AGENT, SERVICE_AGENT, signingKey, type SigningKey } from '../support/google-tokens.js';
import { close, errorCode, post } from '../support/http.js';
import { checkBody, textsOf } from '../support/responses.js';

const KEY = signingKey('2f1e9c3b7a');
const NEXT = signingKey('8d4c6e2a0b'); // published later: Google's key rotation
const FOREIGN = signingKey('2f1e9c3b7a'); // a forger's key under the published kid
const now = (): number => Math.floor(Date.now() / 1000);

describe('Google ID tokens over HTTP, keys from a loopback certificate endpoint', () => {
  let published: SigningKey[] = [KEY];
  let certs: Awaited<ReturnType<typeof certsServer>>;
  let served: GuardedHello;

  beforeAll(async () => {
    certs = await certsServer(() => published);
    served = await serveGuardedHello(
      googleIdToken({ audience: AUDIENCE, serviceAccounts: [SERVICE_AGENT], keys: googleCerts({ url: certs.url, minRefreshMs: 0 }) }),
      (turn) => `hello ${turn.caller?.id ?? '?'}`,
    );
  });
  afterAll(async () => {
    await served.close();
    await close(certs.server);
  });
  beforeEach(() => served.reset());

  const withToken = (token: string) => ({ 'content-type': 'application/json', authorization: `Bearer ${token}` });

  it("answers the CX service agent's genuine token, with the agent as turn.caller", async () => {
    const res = await post(served.webhook, cxRequest('hello').build(), withToken(idToken(KEY, agentClaims())));
    expect(textsOf(checkBody('cx', res.text) as object)).toEqual([`hello ${SERVICE_AGENT}`]);
  });

  it("answers ES's service identity token the same way", async () => {
    const res = await post(served.webhook, esRequest('hello').build(), withToken(idToken(KEY, agentClaims())));
    expect(textsOf(checkBody('es', res.text) as object)).toEqual([`hello ${SERVICE_AGENT}`]);
  });

  it.each([
    ['no authorization header', { 'content-type': 'application/json' }],
    ['a wrong audience', withToken(idToken(KEY, agentClaims({ aud: 'https://someone-else.example.com/webhook' })))],
    ['email_verified false', withToken(idToken(KEY, agentClaims({ email_verified: false })))],
    ['a token expired beyond the skew', withToken(idToken(KEY, agentClaims({ iat: now() - 7200, exp: now() - 3600 })))],
    ['a token signed with a foreign key', withToken(idToken(FOREIGN, agentClaims()))],
    ['a token from an unpublished key', withToken(idToken(signingKey('unknown-kid'), agentClaims()))],
    ['a token with alg none', withToken(`${idToken(KEY, agentClaims(), { alg: 'none' }).split('.').slice(0, 2).join('.')}.`)],
    ['a garbage bearer', withToken('not-a-jwt')],
  ])('401 for %s, opaque, handler not called', async (_name, headers) => {
    const res = await post(served.webhook, cxRequest('hello').build(), headers);
    expect(res.status).toBe(401);
    expect(JSON.parse(res.text)).toEqual({ error: { code: 'ERR_UNAUTHENTICATED', message: 'Authentication required.' } });
    expect(served.calls).toBe(0);
  });

  it("403 for another project's service agent: a genuine Google caller, not ours", async () => {
    const res = await post(served.webhook, cxRequest('hello').build(), withToken(idToken(KEY, agentClaims({ email: OTHER_AGENT }))));
    expect(res.status).toBe(403);
    expect(errorCode(res)).toBe('ERR_FORBIDDEN');
    expect(res.text).not.toContain(OTHER_AGENT);
    expect(served.calls).toBe(0);
  });

  it('follows a key rotation: a token under a newly published kid is accepted after one fresh download', async () => {
    const before = certs.requests();
    published = [KEY, NEXT];
    const res = await post(served.webhook, cxRequest('hello').build(), withToken(idToken(NEXT, agentClaims())));
    expect(textsOf(checkBody('cx', res.text) as object)).toEqual([`hello ${SERVICE_AGENT}`]);
    expect(certs.requests()).toBe(before + 1);
    checkBody('cx', (await post(served.webhook, cxRequest('hello').build(), withToken(idToken(NEXT, agentClaims())))).text);
    expect(certs.requests()).toBe(before + 1); // cached
  });
});
