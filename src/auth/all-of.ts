import { InvalidOptionError } from '../errors.js';
import { authSchemesOf, describedAs, type AuthRequirements } from './auth-schemes.js';
import { runVerifier, type AuthResult, type Caller, type Verifier } from './verifier.js';

/**
 * Accepts a call only when every verifier accepts it, in order, stopping at the first refusal.
 * Put `hmacSignature()` last: it spends the message id, which a later refusal would waste.
 * The caller combines them: `{ scheme: 'google-id-token+hmac', id: <first id>, via: [...] }`.
 *
 *   allOf(googleIdToken({ … }), apiKey({ keys: [process.env.WEBHOOK_KEY!] }))
 */
export function allOf(...verifiers: Verifier[]): Verifier {
  if (verifiers.length === 0) throw new InvalidOptionError('allOf() needs at least one verifier.');
  const verifier: Verifier = async (request): Promise<AuthResult> => {
    const callers: Caller[] = [];
    for (const verifier of verifiers) {
      const result = await runVerifier(verifier, request);
      if (!result.ok) return result;
      callers.push(result.caller);
    }
    const caller: Caller = { scheme: callers.map((c) => c.scheme).join('+'), id: callers[0]!.id, via: callers };
    return { ok: true, caller };
  };
  // Every one of them: each alternative of one combined with each of the next.
  const described = verifiers.map(authSchemesOf);
  if (described.some((d) => d === undefined)) return verifier;
  const combined = (described as AuthRequirements[]).reduce<AuthRequirements>((all, next) => all.flatMap((a) => next.map((b) => [...a, ...b])), [[]]);
  return describedAs(verifier, combined);
}
