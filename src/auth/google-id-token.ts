import { importModule } from '../runtime/import-module.js';
import type { OAuth2Client, TokenPayload } from 'google-auth-library';
import { systemClock, type Clock } from '../base/clock.js';
import { InvalidOptionError } from '../errors.js';
import { googleCerts, type KeySource } from './google-certs.js';
import { described, refuse, type AuthResult, type Verifier } from './verifier.js';

/** Options of `googleIdToken()`. */
export interface GoogleIdTokenOptions {
  /** The `aud` the token must carry: the audience configured for the webhook (usually its URL). */
  audience: string | readonly string[];
  /**
   * The accounts allowed to call: Dialogflow CX's service agent
   * (`service-PROJECT_NUMBER@gcp-sa-dialogflow.iam.gserviceaccount.com`) or the service account
   * it acts as. Any Google account can get a token for any audience, so this list is what makes
   * the token mean "our agent".
   */
  serviceAccounts: readonly string[];
  /** Where the public keys come from. Default: Google's certificates, cached (`googleCerts()`). */
  keys?: KeySource;
  /** Where the time comes from. Default: the system clock. */
  clock?: Clock;
  /** Tolerated clock difference for `exp`, `iat` and `nbf`. Default 60 s. */
  clockSkewSeconds?: number;
  /** Default `https://accounts.google.com` and `accounts.google.com`. */
  issuers?: readonly string[];
}

const BEARER = /^bearer +([\w-]+\.[\w-]+\.[\w-]+) *$/i;
const MAX_TOKEN = 8192;
// google-auth-library's error messages quote the token, so only their kind reaches our logs.
const LIBRARY_REASONS: readonly (readonly [string, string])[] = [
  ['Invalid token signature', 'the signature does not verify'],
  ['Wrong recipient', 'wrong audience'],
  ['Invalid issuer', 'wrong issuer'],
  ['Token used too late', 'expired'],
  ['Token used too early', 'issued in the future'],
  ['Expiration time too far', 'expires too far in the future'],
  ['No issue time', 'no iat'],
  ['No expiration time', 'no exp'],
];

/**
 * Accepts `Authorization: Bearer <Google ID token>`, as Dialogflow CX's service agent and ES's
 * service identity send it: verified by google-auth-library (RS256 signature against Google's
 * keys, issuer, audience, expiry), then `exp`/`iat`/`nbf` against our clock with `clockSkewSeconds`, a
 * verified `email`, and that email among `serviceAccounts` (else 403: a genuine Google caller,
 * but not ours). google-auth-library is loaded only when this verifier is made.
 */
export function googleIdToken(options: GoogleIdTokenOptions): Verifier {
  const audience = typeof options.audience === 'string' ? [options.audience] : [...options.audience];
  if (audience.length === 0 || audience.some((a) => typeof a !== 'string' || a.trim() === '')) {
    throw new InvalidOptionError('googleIdToken() needs the audience the tokens are issued for (FULFILLER_GOOGLE_AUDIENCE).');
  }
  const allowed = new Set(options.serviceAccounts.map((email) => email.trim().toLowerCase()));
  if (allowed.size === 0 || allowed.has('')) {
    throw new InvalidOptionError(
      'googleIdToken() needs the service accounts allowed to call (FULFILLER_GOOGLE_SERVICE_ACCOUNT): any Google account can get a token for any audience.',
    );
  }
  const issuers = [...(options.issuers ?? ['https://accounts.google.com', 'accounts.google.com'])];
  const keys = options.keys ?? googleCerts();
  const clock = options.clock ?? systemClock;
  const skew = options.clockSkewSeconds ?? 60;
  const client: Promise<OAuth2Client> = importModule<typeof import('google-auth-library')>('google-auth-library').then((library) => new library.OAuth2Client());
  client.catch(() => {}); // a failed load is reported on each call, as a refusal

  return described(
    async ({ headers }): Promise<AuthResult> => {
      const header = headers.authorization;
      if (header === undefined) return refuse('google-id-token: no authorization header');
      const token = header.length <= MAX_TOKEN ? BEARER.exec(header)?.[1] : undefined;
      if (token === undefined) return refuse('google-id-token: not a Bearer JWT');
      const kid = keyId(token);
      if (kid === undefined) return refuse('google-id-token: the token header is not RS256 with a kid');
      let certs: Readonly<Record<string, string>>;
      try {
        certs = await keys.keys(kid);
      } catch {
        return refuse("google-id-token: Google's public keys could not be fetched");
      }
      if (!Object.hasOwn(certs, kid)) return refuse('google-id-token: signed with a key Google does not publish');
      let payload: TokenPayload | undefined;
      try {
        const ticket = await (await client).verifySignedJwtWithCertsAsync(token, { [kid]: certs[kid]! }, audience, issuers);
        payload = ticket.getPayload();
      } catch (error) {
        const message = error instanceof Error ? error.message : '';
        const reason = LIBRARY_REASONS.find(([prefix]) => message.startsWith(prefix))?.[1] ?? 'the token does not verify';
        // The audience is no secret, and it is what an operator needs to set FULFILLER_GOOGLE_AUDIENCE right.
        const shown = reason === 'wrong audience' ? ` (the token is for ${JSON.stringify(claim(token, 'aud')).slice(0, 200)})` : '';
        return refuse(`google-id-token: ${reason}${shown}`);
      }
      if (payload === undefined) return refuse('google-id-token: the token has no payload');
      const seconds = clock.now() / 1000;
      // The library accepts numeric strings too; compare numbers.
      if (Number(payload.exp) + skew < seconds) return refuse('google-id-token: expired');
      if (Number(payload.iat) - skew > seconds) return refuse('google-id-token: issued in the future');
      // RFC 7519 4.1.5: not to be accepted before nbf; google-auth-library does not look at it.
      const { nbf } = payload as { nbf?: unknown };
      if (nbf !== undefined && !(Number(nbf) - skew <= seconds)) return refuse('google-id-token: not valid yet (nbf)');
      if (payload.email_verified !== true || typeof payload.email !== 'string') return refuse('google-id-token: no verified email');
      const email = payload.email.toLowerCase();
      if (!allowed.has(email)) return refuse(`google-id-token: ${email} is not an allowed service account`, 403);
      const details = { iss: payload.iss, aud: payload.aud, sub: payload.sub, iat: payload.iat, exp: payload.exp };
      return { ok: true, caller: { scheme: 'google-id-token', id: email, details } };
    },
    { scheme: 'google-id-token' },
  );
}

/** The `kid` of an RS256 token header, or undefined. */
function keyId(token: string): string | undefined {
  const header = segment(token, 0);
  const { alg, kid } = (header ?? {}) as { alg?: unknown; kid?: unknown };
  return alg === 'RS256' && typeof kid === 'string' && kid !== '' ? kid : undefined;
}

/** One claim of the token's payload, unverified: for log lines only. */
function claim(token: string, name: string): unknown {
  return (segment(token, 1) as Record<string, unknown> | undefined)?.[name];
}

function segment(token: string, index: number): object | undefined {
  try {
    const value = JSON.parse(Buffer.from(token.split('.')[index] ?? '', 'base64url').toString('utf8')) as unknown;
    return value !== null && typeof value === 'object' ? value : undefined;
  } catch {
    return undefined;
  }
}
