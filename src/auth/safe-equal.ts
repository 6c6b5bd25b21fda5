import { createHash, timingSafeEqual } from 'node:crypto';

/** Constant-time equality of two byte strings; different lengths are simply unequal, never a throw. */
export function safeEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && timingSafeEqual(a, b);
}

/**
 * Constant-time equality of two texts of any length: both are hashed first, so neither the
 * time taken nor an early length check tells a guesser how long the secret is.
 */
export function safeEqualText(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

/** The SHA-256 of a text, for comparing it later with `safeEqual` (hash configured secrets once). */
export function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
