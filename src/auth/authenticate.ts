import { ForbiddenError, UnauthenticatedError } from '../errors.js';
import type { Logger } from '../logging/logger.js';
import { runVerifier, type AuthRequest, type Caller, type Verifier } from './verifier.js';

/**
 * The pipeline's gate: the caller when the verifier accepts the call, else ERR_UNAUTHENTICATED
 * (401) or ERR_FORBIDDEN (403), whose bodies say nothing about why. The reason is logged as a
 * warning; it never holds the credential.
 */
export async function authenticate(verifier: Verifier, request: AuthRequest, log: Logger): Promise<Caller> {
  const result = await runVerifier(verifier, request);
  if (result.ok) {
    log.debug({ scheme: result.caller.scheme, caller: result.caller.id }, 'caller authenticated');
    return result.caller;
  }
  log.warn({ status: result.status, reason: result.reason }, 'authentication refused');
  throw result.status === 403 ? new ForbiddenError() : new UnauthenticatedError();
}
