import type { ClientCertificate } from '../http/client-certificate.js';
import type { Headers } from '../http/headers.js';

/** What a verifier sees of a webhook call: headers and the bytes as received, before any parsing. */
export interface AuthRequest {
  /** Lower-case names, one string each. */
  readonly headers: Headers;
  /** The body exactly as received; undefined when a framework handed over parsed JSON instead. */
  readonly rawBody: Uint8Array | undefined;
  /** The client certificate of a mutual TLS connection (standalone server with `tls.ca`), already verified by the handshake. */
  readonly clientCertificate?: ClientCertificate | undefined;
}

/** Who called, as a verifier established it. Never carries the credential itself. */
export interface Caller {
  /** How the caller proved itself: `google-id-token`, `api-key`, `basic`, `hmac`, `mtls`, or several joined by `+` (allOf, or a verifier with mutual TLS). */
  readonly scheme: string;
  /** Who it is: the token's email, the basic-auth user, `key-2` (the second configured API key), `secret-1`... */
  readonly id: string;
  /** What the verifier checked about it (token claims, the webhook-id), for audit logs. */
  readonly details?: Readonly<Record<string, unknown>>;
  /** Every caller allOf() established, in order. */
  readonly via?: readonly Caller[];
}

/**
 * The answer of a verifier. `reason` goes to the log only (never to the caller) and never
 * contains the credential. 401: not authenticated; 403: authenticated but not allowed.
 */
export type AuthResult = { ok: true; caller: Caller } | { ok: false; status: 401 | 403; reason: string };

/**
 * What a verifier checks, for `app.describe()` and `fulfiller lint`: the scheme, the header an
 * API key comes in, the parts of a combination. Never a key, password, secret or user name.
 */
export type VerifierDescription =
  | { readonly scheme: 'api-key'; readonly header: string }
  | { readonly scheme: 'basic' }
  | { readonly scheme: 'hmac' }
  | { readonly scheme: 'google-id-token' }
  | { readonly scheme: 'any-of' | 'all-of'; readonly parts: readonly (VerifierDescription | undefined)[] };

/**
 * Decides whether a webhook call is genuine. Pure: everything it needs (secrets, clock, key
 * source, replay store) is given when it is made. `apiKey()`, `basicAuth()`, `hmacSignature()`
 * and `googleIdToken()` make one; `anyOf()` and `allOf()` combine them. Those describe what they
 * check in `description`; a verifier of your own may leave it out.
 */
export type Verifier = ((request: AuthRequest) => AuthResult | Promise<AuthResult>) & { readonly description?: VerifierDescription };

/** A verifier function with its description attached, read-only. */
export function described(verify: (request: AuthRequest) => AuthResult | Promise<AuthResult>, description: VerifierDescription): Verifier {
  return Object.defineProperty(verify, 'description', { value: Object.freeze(description), enumerable: true });
}

/** A refusal, for verifiers to return. */
export function refuse(reason: string, status: 401 | 403 = 401): AuthResult {
  return { ok: false, status, reason };
}

/** Runs a verifier, turning a throw into a 401 so that a broken verifier can never let a call through or cause a 500. */
export async function runVerifier(verifier: Verifier, request: AuthRequest): Promise<AuthResult> {
  try {
    const result = await verifier(request);
    if (result?.ok === true || result?.ok === false) return result;
    return refuse('a verifier returned neither ok nor a refusal');
  } catch (error) {
    // The message may quote the credential (some libraries do): only the class goes to the log.
    return refuse(`a verifier threw ${error instanceof Error ? error.name : typeof error}`);
  }
}
