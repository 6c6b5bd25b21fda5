import { builtins } from '../runtime/builtins.js';
import { InvalidOptionError } from '../errors.js';
import { safeEqual } from './safe-equal.js';

/** What `sign()` signs: the message id, the Unix time in seconds, and the body as sent. */
export interface SignInput {
  /** `whsec_` followed by the base64 key (the prefix may be left out). */
  secret: string;
  /** The `webhook-id` header: unique per message. */
  id: string;
  /** The `webhook-timestamp` header: seconds since the epoch. */
  timestamp: number;
  /** The exact bytes sent; a string is sent as UTF-8. */
  body: string | Uint8Array;
}

/** What `verify()` checks: the three headers as received, the raw body and the current time. */
export interface VerifyInput {
  secrets: readonly string[];
  id: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
  body: string | Uint8Array;
  /** Milliseconds since the epoch. */
  now: number;
  /** How far the timestamp may be from now, either way. Default 300 s. */
  toleranceSeconds?: number;
}

/** `secret` is the index of the secret that matched. */
export type VerifyResult = { ok: true; secret: number } | { ok: false; reason: string };

export const DEFAULT_TOLERANCE_SECONDS = 300;
const ID = /^[\x21-\x7e]{1,256}$/;
const TIMESTAMP = /^\d{1,15}$/;
const V1 = /^v1,([A-Za-z0-9+/]{43}=)$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const MIN_KEY_BYTES = 16;

/**
 * The Standard Webhooks signature of a message: `v1,` and the base64 HMAC-SHA256 of
 * `id.timestamp.body` under the secret's key. Send it as `webhook-signature`, with
 * `webhook-id` and `webhook-timestamp`, to call a webhook that checks `FULFILLER_HMAC_SECRETS`.
 *
 *   sign({ secret: 'whsec_…', id: 'msg_1', timestamp: Math.floor(Date.now() / 1000), body })
 */
export function sign({ secret, id, timestamp, body }: SignInput): string {
  if (!ID.test(id)) throw new InvalidOptionError('sign(): the id must be 1 to 256 printable ASCII characters.');
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) throw new InvalidOptionError('sign(): the timestamp must be whole seconds since the epoch.');
  return `v1,${mac(secretKey(secret), id, String(timestamp), body).toString('base64')}`;
}

/**
 * Checks a Standard Webhooks signature: the timestamp within the tolerance (both ways), then
 * any of the space-separated `v1,` signatures against every secret, in constant time. Pure:
 * replayed ids are the caller's business (`hmacSignature()` keeps them in a store).
 */
export function verify(input: VerifyInput): VerifyResult {
  return verifyWith(input, () => input.secrets.map(secretKey));
}

/**
 * `verify()` with the secrets' keys as `secretKey()` decodes them, for a caller that decoded its
 * secrets once (`hmacSignature()`); `keys` is called only once the headers have passed.
 */
export function verifyWith(input: Omit<VerifyInput, 'secrets'>, keys: () => readonly Buffer[]): VerifyResult {
  const { id, timestamp, signature } = input;
  if (id === undefined || timestamp === undefined || signature === undefined) {
    return { ok: false, reason: 'webhook-id, webhook-timestamp and webhook-signature are all required' };
  }
  if (!ID.test(id)) return { ok: false, reason: 'webhook-id is not 1 to 256 printable characters' };
  if (!TIMESTAMP.test(timestamp)) return { ok: false, reason: 'webhook-timestamp is not a whole number of seconds' };
  const skew = Math.floor(input.now / 1000) - Number(timestamp);
  const tolerance = input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (skew > tolerance) return { ok: false, reason: `webhook-timestamp is more than ${tolerance} s old` };
  if (-skew > tolerance) return { ok: false, reason: `webhook-timestamp is more than ${tolerance} s in the future` };
  const given = signature
    .split(' ')
    .map((part) => V1.exec(part)?.[1])
    .filter((b64): b64 is string => b64 !== undefined)
    .map((b64) => Buffer.from(b64, 'base64'));
  if (given.length === 0) return { ok: false, reason: 'webhook-signature holds no v1 signature' };
  let match = -1;
  keys().forEach((key, i) => {
    const expected = mac(key, id, timestamp, input.body);
    for (const candidate of given) if (safeEqual(candidate, expected) && match === -1) match = i;
  });
  return match === -1 ? { ok: false, reason: 'no webhook-signature matches any secret' } : { ok: true, secret: match };
}

/** The key bytes of a `whsec_…` secret; throws ERR_INVALID_OPTION (without the secret) when malformed. */
export function secretKey(secret: string): Buffer {
  const encoded = secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret;
  if (encoded === '' || !BASE64.test(encoded)) throw new InvalidOptionError('An HMAC secret must be "whsec_" followed by base64.');
  const key = Buffer.from(encoded, 'base64');
  if (key.byteLength < MIN_KEY_BYTES) throw new InvalidOptionError(`An HMAC secret must hold at least ${MIN_KEY_BYTES} bytes (24 to 64 recommended).`);
  return key;
}

function mac(key: Buffer, id: string, timestamp: string, body: string | Uint8Array): Buffer {
  // The body is hashed as the bytes received, never re-encoded: one changed byte must fail.
  return builtins.crypto().createHmac('sha256', key).update(`${id}.${timestamp}.`, 'utf8').update(body).digest();
}
