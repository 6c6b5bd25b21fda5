/**
 * dialogflow-fulfiller/auth: the verifiers alone, for code that checks webhook calls without an
 * app (a proxy, a custom server), and Standard Webhooks signing. The same names are exported by
 * the package root.
 *
 *   import { hmacSignature, sign } from 'dialogflow-fulfiller/auth';
 */
export type { Verifier, AuthRequest, AuthResult, Caller } from './verifier.js';
export { apiKey, type ApiKeyOptions } from './api-key.js';
export { basicAuth, type BasicAuthUser } from './basic-auth.js';
export { hmacSignature, type HmacSignatureOptions } from './hmac-signature.js';
export { sign, verify, type SignInput, type VerifyInput, type VerifyResult } from './standard-webhooks.js';
export { googleIdToken, type GoogleIdTokenOptions } from './google-id-token.js';
export { googleCerts, type GoogleCertsOptions, type KeySource } from './google-certs.js';
export { anyOf } from './any-of.js';
export { allOf } from './all-of.js';
export { authenticate } from './authenticate.js';
export { authSchemesOf, type AuthScheme, type AuthRequirements } from './auth-schemes.js';
