import { InvalidOptionError } from '../errors.js';
import { described, runVerifier, type AuthResult, type Caller, type Verifier } from './verifier.js';

/**
 * Accepts a call only when every verifier accepts it, in order, stopping at the first refusal.
 * Put `hmacSignature()` last: it spends the message id, which a later refusal would waste.
 * The caller combines them: `{ scheme: 'google-id-token+hmac', id: <first id>, via: [...] }`.
 *
 *   allOf(googleIdToken({ … }), apiKey({ keys: [process.env.WEBHOOK_KEY!] }))
 */
export function allOf(...verifiers: Verifier[]): Verifier {
  if (verifiers.length === 0) throw new InvalidOptionError('allOf() needs at least one verifier.');
  return described(
    async (request): Promise<AuthResult> => {
      const callers: Caller[] = [];
      for (const verifier of verifiers) {
        const result = await runVerifier(verifier, request);
        if (!result.ok) return result;
        callers.push(result.caller);
      }
      const caller: Caller = { scheme: callers.map((c) => c.scheme).join('+'), id: callers[0]!.id, via: callers };
      return { ok: true, caller };
    },
    { scheme: 'all-of', parts: verifiers.map((v) => v.description) },
  );
}
