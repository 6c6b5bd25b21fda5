import { JsonLineLogger } from './json-line-logger.js';
import { lineBufferFor } from './line-buffer.js';

type LogFn = (fields: Record<string, unknown>, message: string) => void;

/**
 * What the library logs through. The default logger satisfies it, as do pino and a test's
 * capturing logger. Fields never carry request bodies, credentials or stack traces of user data.
 */
export interface Logger {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
  child(bindings: Record<string, unknown>): Logger;
  /** Whether a line at this level would be written (pino has it too); loggers without it are asked to write. */
  isLevelEnabled?(level: 'debug' | 'info' | 'warn' | 'error'): boolean;
}

/**
 * The default logger: JSON lines on stdout at `LOG_LEVEL` (silent under tests unless asked), for
 * Cloud Logging, personal data redacted. Lines are written in order at the end of each event-loop
 * turn and at exit, by the process itself (no worker thread), so none is lost when it exits.
 * Throws ERR_INVALID_OPTION for a level it does not know.
 */
export function createDefaultLogger(level: string): Logger {
  return new JsonLineLogger(lineBufferFor(1), level);
}
