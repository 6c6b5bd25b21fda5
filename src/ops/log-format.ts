import type { LoggerOptions } from 'pino';

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
 * whole bodies, auth headers. Logged as `[redacted]`. Matched by key name in one pass over the
 * line (pino's path-based redaction with wildcards costs tens of µs per line).
 */
const PERSONAL = new Set(['text', 'queryText', 'transcript', 'params', 'parameters', 'sessionParams', 'body', 'request', 'email', 'phone', 'phoneNumber', 'address']);
const SECRET_HEADERS = new Set(['authorization', 'cookie', 'x-api-key', 'webhook-signature', 'proxy-authorization']);
const CENSOR = '[redacted]';

/** A log line's fields with personal data and credentials replaced; the same object when there are none. */
export function redact(fields: Record<string, unknown>, depth = 0): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    let safe = value;
    if (PERSONAL.has(key)) safe = CENSOR;
    else if (key === 'headers' && isObject(value)) safe = redactHeaders(value);
    else if (depth === 0 && isObject(value)) safe = redact(value, 1);
    if (safe !== value) {
      out ??= { ...fields };
      out[key] = safe;
    }
  }
  return out ?? fields;
}

function redactHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  const hasSecret = Object.keys(headers).some((name) => SECRET_HEADERS.has(name.toLowerCase()));
  if (!hasSecret) return headers;
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, SECRET_HEADERS.has(name.toLowerCase()) ? CENSOR : value]));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The pino set-up of the default logger: JSON lines with `severity` and `message` for Cloud
 * Logging, an ISO timestamp, the numeric `level` kept for other tools, personal data redacted
 * from the fields of each line (child bindings are not redacted: bind ids, not data).
 */
export function pinoOptions(level: string): LoggerOptions {
  return {
    level,
    base: undefined,
    messageKey: 'message',
    timestamp: isoTime,
    formatters: {
      level: (label, number) => ({ severity: SEVERITY[label] ?? 'DEFAULT', level: number }),
      log: (fields) => redact(fields),
    },
  };
}

let lastMs = Number.NaN;
let lastTime = '';

/** pino's `isoTime`, formatted once per millisecond: a busy server writes several lines in each. */
function isoTime(): string {
  const now = Date.now();
  if (now !== lastMs) {
    lastMs = now;
    lastTime = `,"time":"${new Date(now).toISOString()}"`;
  }
  return lastTime;
}
