import { InvalidOptionError } from '../errors.js';
import { isoTime, jsonMembers, redactedMembers, redactMessage } from './log-format.js';
import { lineBufferFor } from './line-buffer.js';
import type { Logger } from './logger.js';

/** Where whole lines go: a line buffer on stdout, or a test's capture. */
export interface LineSink {
  write(line: string): unknown;
}

/**
 * The levels `LOG_LEVEL` takes, with pino's numbers (other tools read `level`). `trace` logs
 * what `debug` logs; `fatal` and `silent` log nothing the library writes.
 */
const THRESHOLDS: Record<LogLevel, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity };

/** What `LOG_LEVEL` and the `logger` option take. */
export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';
export const LOG_LEVELS = Object.keys(THRESHOLDS) as readonly LogLevel[];

const UNREADABLE_FIELDS = ',"logError":"the fields of this line could not be read (their getters or proxy traps threw)"';

/** How each line starts: Cloud Logging's `severity`, then the numeric level. */
const DEBUG = '{"severity":"DEBUG","level":20';
const INFO = '{"severity":"INFO","level":30';
const WARN = '{"severity":"WARNING","level":40';
const ERROR = '{"severity":"ERROR","level":50';

/**
 * The default logger: one JSON object per line, `{"severity", "level", "time", ...bindings,
 * ...fields, "message"}`, the fields and the message under the redaction policy (bindings are
 * not: bind ids, not data). Child bindings are serialised once, when the child is made. A field that cannot
 * be serialised as it is (a cycle, a BigInt) is logged in a tolerant form instead of throwing
 * into the turn that logs it.
 */
export class JsonLineLogger implements Logger {
  private readonly threshold: number;

  constructor(
    private readonly sink: LineSink,
    /** `LOG_LEVEL`'s value: lines below it are not written. */
    readonly level: string,
    private readonly bound = '',
  ) {
    const threshold = THRESHOLDS[level as LogLevel] as number | undefined;
    if (threshold === undefined) throw new InvalidOptionError(`LOG_LEVEL must be one of ${Object.keys(THRESHOLDS).join(', ')} (got "${level}")`);
    this.threshold = threshold;
  }

  debug(fields: Record<string, unknown>, message: string): void {
    if (this.threshold <= 20) this.write(DEBUG, fields, message);
  }
  info(fields: Record<string, unknown>, message: string): void {
    if (this.threshold <= 30) this.write(INFO, fields, message);
  }
  warn(fields: Record<string, unknown>, message: string): void {
    if (this.threshold <= 40) this.write(WARN, fields, message);
  }
  error(fields: Record<string, unknown>, message: string): void {
    if (this.threshold <= 50) this.write(ERROR, fields, message);
  }

  isLevelEnabled(level: string): boolean {
    return this.threshold <= ((THRESHOLDS[level as LogLevel] as number | undefined) ?? Infinity);
  }

  child(bindings: Record<string, unknown>): Logger {
    return new JsonLineLogger(this.sink, this.level, this.bound + jsonMembers(bindings));
  }

  private write(head: string, fields: Record<string, unknown>, message: string): void {
    let members: string;
    try {
      members = redactedMembers(fields);
    } catch {
      // Logging never throws into the turn: a field whose getters or proxy traps throw costs the line its fields only.
      members = UNREADABLE_FIELDS;
    }
    this.sink.write(`${head}${isoTime()}${this.bound}${members}${messageEnd(String(message))}`);
  }
}

// Most messages are constants ("turn answered"): each is redacted and quoted once. One that had
// something to mask is not kept (its text would stay in memory).
const messageEnds = new Map<string, string>();
const MAX_MESSAGES = 1000;

/** `,"message":"…"}` and the newline: the end of every line. */
function messageEnd(message: string): string {
  let end = messageEnds.get(message);
  if (end === undefined) {
    const redacted = redactMessage(message);
    end = `,"message":${JSON.stringify(redacted)}}\n`;
    if (redacted === message && messageEnds.size < MAX_MESSAGES) messageEnds.set(message, end);
  }
  return end;
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
