import { pino } from 'pino';
import { pinoOptions } from '../ops/log-format.js';

type LogFn = (fields: Record<string, unknown>, message: string) => void;

/**
 * What the library logs through. pino satisfies it; so does a test's capturing logger.
 * Fields never carry request bodies, credentials or stack traces of user data.
 */
export interface Logger {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
  child(bindings: Record<string, unknown>): Logger;
}

/**
 * The default logger: JSON lines on stdout at `LOG_LEVEL` (silent under tests unless asked), for
 * Cloud Logging, personal data redacted. Written synchronously: lines stay in order and none is
 * lost when the process exits (an asynchronous write still in flight at exit lands after the
 * lines flushed by the exit handler).
 */
export function createDefaultLogger(level: string): Logger {
  return pino(pinoOptions(level), pino.destination({ dest: 1, sync: true })) as unknown as Logger;
}
