import type { Logger } from './logger.js';

/** One captured log line. */
export interface LogRecord {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  fields: Record<string, unknown>;
}

/** A logger that keeps lines in memory, for tests and for the replay tools. */
export class MemoryLogger implements Logger {
  readonly records: LogRecord[];
  private readonly bindings: Record<string, unknown>;

  constructor(records: LogRecord[] = [], bindings: Record<string, unknown> = {}) {
    this.records = records;
    this.bindings = bindings;
  }

  debug(fields: Record<string, unknown>, message: string): void {
    this.push('debug', fields, message);
  }
  info(fields: Record<string, unknown>, message: string): void {
    this.push('info', fields, message);
  }
  warn(fields: Record<string, unknown>, message: string): void {
    this.push('warn', fields, message);
  }
  error(fields: Record<string, unknown>, message: string): void {
    this.push('error', fields, message);
  }
  child(bindings: Record<string, unknown>): Logger {
    return new MemoryLogger(this.records, { ...this.bindings, ...bindings });
  }
  private push(level: LogRecord['level'], fields: Record<string, unknown>, message: string): void {
    this.records.push({ level, message, fields: { ...this.bindings, ...fields } });
  }
}
