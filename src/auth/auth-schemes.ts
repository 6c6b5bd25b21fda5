import type { Verifier } from './verifier.js';

/**
 * How a caller authenticates, as a verifier describes itself for an API document (`fulfiller
 * openapi`): the credential a client must send, never the secret.
 */
export type AuthScheme =
  | { readonly type: 'api-key'; readonly header: string }
  | { readonly type: 'basic' }
  | { readonly type: 'google-id-token' }
  | { readonly type: 'hmac-signature' };

/** Alternatives (any one will do), each a set of schemes required together. */
export type AuthRequirements = readonly (readonly AuthScheme[])[];

const SCHEMES = Symbol.for('dialogflow-fulfiller.authSchemes');

/** Attaches what a verifier accepts to it; returns the verifier. */
export function describedAs(verifier: Verifier, requirements: AuthRequirements): Verifier {
  Object.defineProperty(verifier, SCHEMES, { value: requirements, enumerable: false });
  return verifier;
}

/**
 * What a verifier accepts, when it says: the library's own verifiers and their `anyOf()` /
 * `allOf()` combinations do; a verifier of your own does not (undefined).
 */
export function authSchemesOf(verifier: Verifier): AuthRequirements | undefined {
  return (verifier as unknown as Record<symbol, AuthRequirements | undefined>)[SCHEMES];
}
