import { stdTimeFunctions, type LoggerOptions } from 'pino';

/** pino levels as Cloud Logging severities (it reads `severity`, `message` and an RFC 3339 `time`). */
const SEVERITY: Record<string, string> = {
  trace: 'DEBUG',
  debug: 'DEBUG',
  info: 'INFO',
  warn: 'WARNING',
  error: 'ERROR',
  fatal: 'CRITICAL',
};

/**
 * Fields that may carry personal data or credentials, at the top of a log line or one level
 * down (`fields.params`, `request.headers`...): what users said, parameters, contact details,
 * whole bodies, auth headers. Logged as `[redacted]`.
 */
const PERSONAL = ['text', 'queryText', 'transcript', 'params', 'parameters', 'sessionParams', 'body', 'request', 'email', 'phone', 'phoneNumber', 'address'];
const SECRET_HEADERS = ['authorization', 'cookie', 'x-api-key', 'webhook-signature', 'proxy-authorization'];

export const REDACTED_PATHS: readonly string[] = [
  ...PERSONAL,
  ...PERSONAL.map((field) => `*.${field}`),
  ...SECRET_HEADERS.flatMap((header) => [`headers["${header}"]`, `*.headers["${header}"]`]),
];

/**
 * The pino set-up of the default logger: JSON lines with `severity` and `message` for Cloud
 * Logging, an ISO timestamp, the numeric `level` kept for other tools, personal data redacted.
 */
export function pinoOptions(level: string): LoggerOptions {
  return {
    level,
    base: undefined,
    messageKey: 'message',
    timestamp: stdTimeFunctions.isoTime,
    formatters: { level: (label, number) => ({ severity: SEVERITY[label] ?? 'DEFAULT', level: number }) },
    redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
  };
}
