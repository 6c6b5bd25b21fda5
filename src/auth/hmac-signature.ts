import { systemClock, type Clock } from '../base/clock.js';
import { InvalidOptionError } from '../errors.js';
import { MemoryStore } from '../store/memory-store.js';
import type { Store } from '../store/store.js';
import { DEFAULT_TOLERANCE_SECONDS, secretKey, verifyWith } from './standard-webhooks.js';
import { describedAs } from './auth-schemes.js';
import { refuse, type Verifier } from './verifier.js';

/** Options of `hmacSignature()`. */
export interface HmacSignatureOptions {
  /** `whsec_…` secrets; several at once while one is rotated out. */
  secrets: readonly string[];
  /** Where seen `webhook-id`s are kept. Default: this process's memory (share a Redis store across instances). */
  store?: Store;
  /** Where the time comes from. Default: the system clock. */
  clock?: Clock;
  /** How far `webhook-timestamp` may be from now, either way. Default 300 s. */
  toleranceSeconds?: number;
}

/**
 * Accepts calls signed in the Standard Webhooks format (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature: v1,<base64>`) with one of the secrets, over the raw body, within the
 * tolerance; each `webhook-id` once. For signing proxies and internal callers (`sign()` makes
 * the signature); Dialogflow itself does not sign. The caller is `secret-N`.
 */
export function hmacSignature(options: HmacSignatureOptions): Verifier {
  if (options.secrets.length === 0) throw new InvalidOptionError('hmacSignature() needs at least one secret.');
  // Decoded once: malformed secrets fail at start-up, and a call only computes its MACs.
  const keys = options.secrets.map(secretKey);
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (!Number.isInteger(tolerance) || tolerance < 1) throw new InvalidOptionError('hmacSignature(): toleranceSeconds must be a whole number >= 1.');
  const store = options.store ?? new MemoryStore();
  const clock = options.clock ?? systemClock;

  return describedAs(
    async ({ headers, rawBody }) => {
      if (rawBody === undefined) {
        return refuse(
          'hmac: the raw body is needed to check the signature, but the body arrived already parsed (keep req.rawBody, or mount the webhook before any body parser)',
        );
      }
      const id = headers['webhook-id'];
      const result = verifyWith(
        {
          id,
          timestamp: headers['webhook-timestamp'],
          signature: headers['webhook-signature'],
          body: rawBody,
          now: clock.now(),
          toleranceSeconds: tolerance,
        },
        () => keys,
      );
      if (!result.ok) return refuse(`hmac: ${result.reason}`);
      // Only an authentic message claims its id, so forgeries cannot block a genuine one. The id is
      // remembered for as long as its timestamp can still be accepted.
      const first = await store.setIfAbsent(`hmac:${id!}`, '1', 2 * tolerance * 1000);
      if (!first) return refuse('hmac: this webhook-id was already accepted (a replay)');
      return { ok: true, caller: { scheme: 'hmac', id: `secret-${result.secret + 1}`, details: { webhookId: id } } };
    },
    [[{ type: 'hmac-signature' }]],
  );
}
