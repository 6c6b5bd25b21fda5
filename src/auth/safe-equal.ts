import { builtins } from '../runtime/builtins.js';

/** Constant-time equality of two byte strings; different lengths are simply unequal, never a throw. */
export function safeEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && builtins.crypto().timingSafeEqual(a, b);
}

/**
 * The SHA-256 of a text. Texts of any length are compared as `safeEqual(digest(a), digest(b))`:
 * neither the time taken nor a length check tells a guesser how long the secret is. Hash the
 * configured secrets once, and on each call only what the call brings.
 */
export function digest(text: string): Buffer {
  const crypto = builtins.crypto() as ReturnType<typeof builtins.crypto> & { hash?: OneShotHash };
  // One-shot where Node.js has it (20.12 and later): no Hash object for the collector to finalise on every call.
  if (crypto.hash !== undefined) return crypto.hash('sha256', text, 'buffer');
  return crypto.createHash('sha256').update(text, 'utf8').digest();
}

type OneShotHash = (algorithm: string, data: string, outputEncoding: 'buffer') => Buffer;
