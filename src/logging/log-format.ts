import { maskText } from '../privacy/mask-text.js';
import { hiddenInLogs, isSecretHeader } from '../privacy/personal-keys.js';

const CENSOR = '[redacted]';
/** Deeper than this a log line is not looked into further: its value is written as `[too deep]`. */
const MAX_DEPTH = 16;

/**
 * A log line's fields under the one redaction policy (src/privacy): the value of a personal or
 * conversation key (`contact_name`, `email`, `text`, `parameters`…) at any depth becomes
 * `[redacted]`, as do credential headers; e-mail addresses, phone and card numbers inside any
 * text (error messages too) are masked. Errors become their fields. The same object when
 * nothing changed. Keys are judged once each and a string costs one regex test unless it has
 * an `@` or a run of digits (path-based redaction with wildcards cost tens of µs per line).
 */
export function redact(fields: Record<string, unknown>): Record<string, unknown> {
  return redactObject(fields, 0, []);
}

function redactObject(object: Record<string, unknown>, depth: number, ancestors: object[]): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  ancestors.push(object);
  for (const key of Object.keys(object)) {
    const value = object[key];
    const safe = hiddenInLogs(key) ? CENSOR : key === 'headers' && isObject(value) ? redactHeaders(value) : redactValue(value, depth, ancestors);
    if (safe !== value) {
      out ??= { ...object };
      out[key] = safe;
    }
  }
  ancestors.pop();
  return out ?? object;
}

function redactValue(value: unknown, depth: number, ancestors: object[]): unknown {
  if (typeof value === 'string') return maskText(value);
  if (typeof value !== 'object' || value === null) return value;
  if (ancestors.includes(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (isError(value)) return redactObject(errorFields(value), depth + 1, ancestors);
  if (!Array.isArray(value)) return redactObject(value as Record<string, unknown>, depth + 1, ancestors);
  let out: unknown[] | undefined;
  ancestors.push(value);
  for (let i = 0; i < value.length; i++) {
    const safe = redactValue(value[i], depth + 1, ancestors);
    if (safe !== value[i]) {
      out ??= [...value];
      out[i] = safe;
    }
  }
  ancestors.pop();
  return out ?? value;
}

function redactHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  if (!Object.keys(headers).some(isSecretHeader)) return headers;
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, isSecretHeader(name) ? CENSOR : value]));
}

/** A log message under the redaction policy: e-mail addresses, phone and card numbers masked. */
export function redactMessage(message: string): string {
  return maskText(message);
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

/**
 * `jsonMembers(redact(fields))`, with a shorter way for the common line: fields that are
 * strings, numbers, booleans or null, or plain objects of those (`route: { kind, key }`), one
 * level down. Their members are written directly, each key's `,"key":` made once, and give the
 * same text as the long way, which any other line takes (an array, an error, deeper objects,
 * `headers`, a BigInt). Throws what reading the fields throws (a getter, a proxy trap), as the
 * long way does.
 */
export function redactedMembers(fields: Record<string, unknown>): string {
  return (isPlain(fields) ? shortMembers(fields, 0) : undefined) ?? jsonMembers(redact(fields));
}

/** How deep the short way goes into plain objects (a line's fields are depth 0). */
const SHORT_DEPTH = 1;

/** The members of a plain object the short way, or undefined when it holds what only the long way writes. */
function shortMembers(fields: Record<string, unknown>, depth: number): string | undefined {
  let out = '';
  for (const key of Object.keys(fields)) {
    const member = memberOf(key);
    if (member.hidden) {
      out += member.censored;
      continue;
    }
    const value = fields[key];
    switch (typeof value) {
      case 'string':
        out += member.prefix + member.text(value);
        break;
      case 'number':
        out += member.prefix + numberText(value);
        break;
      case 'boolean':
        out += member.prefix + (value ? 'true' : 'false');
        break;
      case 'undefined':
        break;
      case 'object': {
        if (value === null) {
          out += `${member.prefix}null`;
          break;
        }
        if (depth >= SHORT_DEPTH || key === 'headers' || !isPlain(value)) return undefined;
        const inner = shortMembers(value as Record<string, unknown>, depth + 1);
        if (inner === undefined) return undefined;
        out += `${member.prefix}{${inner.slice(1)}}`;
        break;
      }
      default:
        return undefined;
    }
  }
  return out;
}

/** An object JSON writes member by member: an object literal's prototype (or none), no `toJSON`. */
function isPlain(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return (prototype === Object.prototype || prototype === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** One key of the log lines, and how its members are written. */
class Member {
  /** `,"key":` */
  readonly prefix: string;
  readonly hidden: boolean;
  /** `,"key":"[redacted]"` */
  readonly censored: string;
  private lastValue: string | undefined;
  private lastText = '';

  constructor(key: string) {
    this.prefix = `,${JSON.stringify(key)}:`;
    this.hidden = hiddenInLogs(key);
    this.censored = `${this.prefix}${JSON.stringify(CENSOR)}`;
  }

  /**
   * A string value, masked, as JSON text. Many keys have the same value line after line
   * (`outcome`, `endpoint`): the last one is kept, unless masking changed it (personal data
   * does not stay in memory).
   */
  text(value: string): string {
    if (value === this.lastValue) return this.lastText;
    const masked = maskText(value);
    const text = quoted(masked);
    if (masked === value) {
      this.lastValue = value;
      this.lastText = text;
    }
    return text;
  }
}

/** A string as JSON text: between quotes as it is when nothing in it needs escaping (most values), else as JSON.stringify writes it. */
function quoted(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(text);
  }
  return `"${text}"`;
}

// Keys repeat from line to line; bounded like the key judgements, for apps that log generated keys.
const members = new Map<string, Member>();
const MAX_MEMBERS = 2000;

function memberOf(key: string): Member {
  let member = members.get(key);
  if (member === undefined) {
    member = new Member(key);
    if (members.size < MAX_MEMBERS) members.set(key, member);
  }
  return member;
}

/** Hundredths below this are written by `numberText`'s short way (ten million, in units). */
const MAX_HUNDREDTHS = 1e9;

/**
 * A number as JSON writes it (`String()`; `null` when not finite). A positive number with at
 * most two decimals (a duration in ms: `ms: 3.25`) is written from its whole hundredths, which
 * gives the same text: turning a fraction into its shortest decimal costs a good part of a
 * log line. Exact because `h / 100` is the double nearest to the decimal `h/100`, which is then
 * its shortest form.
 */
export function numberText(value: number): string {
  if (Number.isInteger(value) || !Number.isFinite(value) || value < 0) return Number.isFinite(value) ? String(value) : 'null';
  const hundredths = Math.round(value * 100);
  if (hundredths / 100 !== value || hundredths >= MAX_HUNDREDTHS) return String(value);
  const whole = Math.floor(hundredths / 100);
  const cents = hundredths % 100;
  if (cents % 10 === 0) return `${whole}.${cents / 10}`;
  return `${whole}.${cents < 10 ? '0' : ''}${cents}`;
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
