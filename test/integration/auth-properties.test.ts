import fc from 'fast-check';
import { anyOf, apiKey, basicAuth, googleCerts, googleIdToken, hmacSignature, sign } from '../../src/index.js';
import { cxRequest } from '../../src/testing/index.js';
import { serveGuardedHello, type GuardedHello } from '../support/app.js';
import { agentClaims, AUDIENCE, certsServer, idToken, SERVICE_AGENT, signingKey } from '../support/google-tokens.js';
import { close } from '../support/http.js';
import { checkBody } from '../support/responses.js';

const KEY = 'a2V5LWZvci1wcm9wZXJ0eS10ZXN0cw';
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const GOOGLE = signingKey('prop-kid');
const GENUINE_BODY = JSON.stringify(cxRequest('hello').build());

// Header values as an HTTP client can send them (visible ASCII and spaces), biased towards near misses.
const ascii = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 120 });
const base64Of = (arb: fc.Arbitrary<Uint8Array>) => arb.map((bytes) => Buffer.from(bytes).toString('base64'));
const nearKey = fc
  .tuple(fc.nat({ max: KEY.length - 1 }), fc.constantFrom('A', 'z', '0', ''))
  .map(([i, c]) => KEY.slice(0, i) + c + KEY.slice(i + 1))
  .filter((k) => k !== KEY);
const headerValue = {
  authorization: fc.oneof(
    ascii,
    ascii.map((s) => `Bearer ${s}`),
    base64Of(fc.uint8Array({ maxLength: 60 })).map((s) => `Basic ${s}`),
    ascii.map((s) => `Basic ${Buffer.from(`dialogflow:${s}`).toString('base64')}`),
    fc.constant(`Bearer ${idToken(signingKey('prop-kid'), agentClaims())}`), // right kid, wrong key
  ),
  'x-api-key': fc.oneof(ascii, nearKey),
  'webhook-id': fc.oneof(ascii, fc.constant('msg_1')),
  'webhook-timestamp': fc.oneof(
    ascii,
    fc.integer({ min: -400, max: 400 }).map((d) => String(Math.floor(Date.now() / 1000) + d)),
  ),
  'webhook-signature': fc.oneof(
    ascii,
    base64Of(fc.uint8Array({ minLength: 32, maxLength: 32 })).map((s) => `v1,${s}`),
  ),
  'content-type': fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain'),
};
const headers = fc.record(headerValue, { requiredKeys: [] });
const body = fc.oneof(
  fc.constant(GENUINE_BODY),
  fc.json({ maxDepth: 3 }),
  ascii,
  fc.uint8Array({ maxLength: 512 }),
  fc.constant(`{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},${GENUINE_BODY.slice(1)}`),
);

describe('no credentials, no handler: properties over HTTP', () => {
  let certs: Awaited<ReturnType<typeof certsServer>>;
  let served: GuardedHello;

  beforeAll(async () => {
    certs = await certsServer(() => [GOOGLE]);
    served = await serveGuardedHello(
      anyOf(
        apiKey({ keys: [KEY] }),
        basicAuth({ users: [{ user: 'dialogflow', password: 'a-long-enough-password' }] }),
        hmacSignature({ secrets: [SECRET] }),
        googleIdToken({ audience: AUDIENCE, serviceAccounts: [SERVICE_AGENT], keys: googleCerts({ url: certs.url }) }),
      ),
      () => 'hello',
    );
  });
  afterAll(async () => {
    await served.close();
    await close(certs.server);
  });

  it('random headers and bodies never get a 5xx and never reach a handler', async () => {
    await fc.assert(
      fc.asyncProperty(headers, body, async (sent, payload) => {
        const res = await fetch(served.webhook, { method: 'POST', headers: sent, body: payload });
        await res.text();
        return (res.status === 401 || res.status === 415) && served.calls === 0;
      }),
      { numRuns: 300 },
    );
  });

  it('one flipped bit in a signed body is always refused, while the genuine body passes', async () => {
    let n = 0;
    const request = (bytes: Uint8Array, id: string, signature: string, timestamp: number) =>
      fetch(served.webhook, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signature },
        body: bytes,
      });
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: GENUINE_BODY.length * 8 - 1 }), async (bit) => {
        const id = `msg_flip_${++n}`;
        const timestamp = Math.floor(Date.now() / 1000);
        const genuine = Buffer.from(GENUINE_BODY);
        const signature = sign({ secret: SECRET, id, timestamp, body: genuine });
        const flipped = Buffer.from(genuine);
        flipped[bit >> 3] = flipped[bit >> 3]! ^ (1 << (bit & 7));
        const forged = await request(flipped, id, signature, timestamp);
        await forged.text();
        const before = served.calls;
        const real = await request(genuine, id, signature, timestamp);
        checkBody('cx', await real.text());
        return forged.status === 401 && real.status === 200 && served.calls === before + 1;
      }),
      { numRuns: 150 },
    );
    served.reset();
  });

  it('socket-free: app.handle() never throws and never runs a handler without credentials', async () => {
    await fc.assert(
      fc.asyncProperty(headers, body, async (sent, payload) => {
        const result = await served.app.handle(payload, sent);
        return result.status === 401 && served.calls === 0;
      }),
      { numRuns: 1000 },
    );
  });
});
