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
