import type { Verifier, VerifierDescription } from './verifier.js';

/**
 * How a caller authenticates, as an API document states it (`fulfiller openapi`): the
 * credential a client must send, never the secret.
 */
export type AuthScheme =
  | { readonly type: 'api-key'; readonly header: string }
  | { readonly type: 'basic' }
  | { readonly type: 'google-id-token' }
  | { readonly type: 'hmac-signature' };

/** Alternatives (any one will do), each a set of schemes required together. */
export type AuthRequirements = readonly (readonly AuthScheme[])[];

/**
 * What a verifier accepts, read from its `description`: the library's own verifiers and their
 * `anyOf()` / `allOf()` combinations describe themselves; a verifier of your own does not, and
 * neither does a combination that holds one (undefined).
 */
export function authSchemesOf(verifier: Verifier): AuthRequirements | undefined {
  return verifier.description === undefined ? undefined : requirementsOf(verifier.description);
}

function requirementsOf(description: VerifierDescription): AuthRequirements | undefined {
  switch (description.scheme) {
    case 'api-key':
      return [[{ type: 'api-key', header: description.header }]];
    case 'basic':
      return [[{ type: 'basic' }]];
    case 'hmac':
      return [[{ type: 'hmac-signature' }]];
    case 'google-id-token':
      return [[{ type: 'google-id-token' }]];
    case 'any-of':
    case 'all-of': {
      const parts = description.parts.map((part) => (part === undefined ? undefined : requirementsOf(part)));
      if (parts.some((part) => part === undefined)) return undefined;
      const known = parts as AuthRequirements[];
      // anyOf: any part's alternatives; allOf: one alternative of every part, together.
      if (description.scheme === 'any-of') return known.flat();
      return known.reduce<AuthRequirements>((combined, part) => combined.flatMap((left) => part.map((right) => [...left, ...right])), [[]]);
    }
  }
}
