/**
 * Fields that may carry personal data or credentials, at the top of a log line or one level
 * down (`fields.params`, `request.headers`...): what users said, parameters, contact details,
 * whole bodies, auth headers. Logged as `[redacted]`. Matched by key name in one pass over the
 * line (path-based redaction with wildcards costs tens of µs per line).
 */
const PERSONAL = new Set([
  'text',
  'queryText',
  'transcript',
  'params',
  'parameters',
  'sessionParams',
  'body',
  'request',
  'email',
  'phone',
  'phoneNumber',
  'address',
]);
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
    else if (isError(value)) safe = errorFields(value);
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

const UNREADABLE = Object.freeze({ type: 'unreadable', message: 'the thrown value could not be read (its getters or proxy traps threw)' });

/**
 * An error as a log field (JSON.stringify would write `{}` for an Error): class, code, message
 * and stack (logs only, never a body); anything else thrown, its type and text. Never throws:
 * a thrown proxy whose traps throw is logged as unreadable. An Error of another realm (a vm
 * context, a worker's) is still an Error.
 */
export function errorFields(error: unknown): Record<string, unknown> {
  try {
    if (isError(error)) {
      const code = (error as { code?: unknown }).code;
      return { type: String(error.name), message: String(error.message), ...(code === undefined ? {} : { code }), stack: error.stack };
    }
    return { type: typeof error, message: String(error) };
  } catch {
    return { ...UNREADABLE };
  }
}

function isError(value: unknown): value is Error {
  return value instanceof Error || Object.prototype.toString.call(value) === '[object Error]';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An object's members as they go inside a JSON line: `,"a":1,"b":"x"`, or '' for none. A value
 * JSON cannot take as it is (a cycle, a BigInt) is written in a tolerant form (`"[Circular]"`,
 * the number as a string) rather than throwing into whatever was logging.
 */
export function jsonMembers(fields: Record<string, unknown>): string {
  let json: string;
  try {
    json = JSON.stringify(fields);
  } catch {
    json = JSON.stringify(fields, tolerant());
  }
  return json.length > 2 ? `,${json.slice(1, -1)}` : '';
}

function tolerant(): (this: unknown, key: string, value: unknown) => unknown {
  const ancestors: unknown[] = [];
  return function (this: unknown, _key: string, value: unknown): unknown {
    if (typeof value === 'bigint') return value.toString();
    if (typeof value !== 'object' || value === null) return value;
    while (ancestors.length > 0 && ancestors[ancestors.length - 1] !== this) ancestors.pop();
    if (ancestors.includes(value)) return '[Circular]';
    ancestors.push(value);
    return value;
  };
}

let lastMs = Number.NaN;
let lastTime = '';

/** `,"time":"<ISO 8601>"`, formatted once per millisecond: a busy server writes several lines in each. */
export function isoTime(): string {
  const now = Date.now();
  if (now !== lastMs) {
    lastMs = now;
    lastTime = `,"time":"${new Date(now).toISOString()}"`;
  }
  return lastTime;
}
