import { InvalidOptionError } from '../errors.js';
import { authSchemesOf, describedAs } from './auth-schemes.js';
import { runVerifier, type AuthResult, type Verifier } from './verifier.js';

/**
 * Accepts a call that any one of the verifiers accepts, trying them in order (the first that
 * accepts names the caller). Refused by all: 403 if one of them knew the caller but did not
 * allow it, else 401. A verifier that throws counts as a refusal, so the others still decide.
 *
 *   anyOf(googleIdToken({ … }), basicAuth({ … }))
 */
export function anyOf(...verifiers: Verifier[]): Verifier {
  if (verifiers.length === 0) throw new InvalidOptionError('anyOf() needs at least one verifier.');
  const verifier: Verifier = async (request): Promise<AuthResult> => {
    const reasons: string[] = [];
    let forbidden = false;
    for (const verifier of verifiers) {
      const result = await runVerifier(verifier, request);
      if (result.ok) return result;
      reasons.push(result.reason);
      forbidden ||= result.status === 403;
    }
    return { ok: false, status: forbidden ? 403 : 401, reason: reasons.join('; ') };
  };
  // Any one of them will do: their alternatives side by side (unknown when one of them does not say).
  const described = verifiers.map(authSchemesOf);
  return described.every((d) => d !== undefined) ? describedAs(verifier, described.flat()) : verifier;
}
