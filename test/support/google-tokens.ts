import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { listen } from './http.js';

/** A signing key like one of Google's: an RSA key pair and its key id. */
export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  /** The public key as PEM, what the certificate endpoint serves by kid. */
  publicPem: string;
}

export const AUDIENCE = 'https://webhook.example.com/webhook';
export const SERVICE_AGENT = 'service-123456789@gcp-sa-dialogflow.iam.gserviceaccount.com';
export const OTHER_AGENT = 'service-987654321@gcp-sa-dialogflow.iam.gserviceaccount.com';

export function signingKey(kid: string): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

/** The claims of a Dialogflow service agent's ID token, valid now, with overrides. */
export function agentClaims(overrides: Record<string, unknown> = {}, nowMs = Date.now()): Record<string, unknown> {
  const iat = Math.floor(nowMs / 1000);
  return {
    iss: 'https://accounts.google.com',
    aud: AUDIENCE,
    azp: '112233445566778899',
    sub: '112233445566778899',
    email: SERVICE_AGENT,
    email_verified: true,
    iat,
    exp: iat + 3600,
    ...overrides,
  };
}

/** An RS256 JWT signed with `key` (header overrides allowed, for alg and kid games). */
export function idToken(key: SigningKey, claims: Record<string, unknown>, header: Record<string, unknown> = {}): string {
  const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signed = `${encode({ alg: 'RS256', kid: key.kid, typ: 'JWT', ...header })}.${encode(claims)}`;
  const signature = createSign('RSA-SHA256').update(signed).sign(key.privateKey).toString('base64url');
  return `${signed}.${signature}`;
}

/** The JSON Google's v1 certs endpoint serves: PEM by kid. */
export function certsJson(keys: readonly SigningKey[]): string {
  return JSON.stringify(Object.fromEntries(keys.map((k) => [k.kid, k.publicPem])));
}

/** A fetch that answers with the given keys and counts its calls, for socket-free tests. */
export function fakeCertsFetch(keys: () => readonly SigningKey[], cacheControl = 'public, max-age=3600'): typeof fetch & { calls: number } {
  const fake = (async () => {
    fake.calls++;
    return new Response(certsJson(keys()), { headers: { 'content-type': 'application/json', 'cache-control': cacheControl } });
  }) as unknown as typeof fetch & { calls: number };
  fake.calls = 0;
  return fake;
}

/** A loopback HTTP server publishing the keys as Google does; `requests` counts downloads. */
export async function certsServer(keys: () => readonly SigningKey[]): Promise<{ server: Server; url: string; requests: () => number }> {
  let requests = 0;
  const server = createServer((_req, res) => {
    requests++;
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'public, max-age=3600' });
    res.end(certsJson(keys()));
  });
  const base = await listen(server);
  return { server, url: `${base}/oauth2/v1/certs`, requests: () => requests };
}
