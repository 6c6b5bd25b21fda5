import { FulfillerError } from '../errors.js';

/**
 * `value` when it is one of our coded errors, else undefined. Never throws, whatever was thrown
 * (a proxy whose traps throw, an object whose getters do): it decides how a failure is answered
 * and logged, and must not become a failure of its own.
 */
export function asCoded(value: unknown): FulfillerError | undefined {
  try {
    return value instanceof FulfillerError && typeof value.code === 'string' && typeof value.status === 'number' ? value : undefined;
  } catch {
    return undefined;
  }
}
