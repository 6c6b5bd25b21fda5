import type { JsonValue } from '../generated/types.js';
import { field, isJsonObject } from '../base/json-object.js';
import type { Dialect } from '../base/dialect.js';

/**
 * What recordings mask. Names, phone numbers, emails and card numbers are masked by default;
 * set one to `false` to keep it, or add parameters and patterns of your own.
 */
export interface RedactOptions {
  /** Values of name-like parameters (`contact_name`, `person`, @sys.person objects), wherever they appear. */
  names?: boolean;
  phones?: boolean;
  emails?: boolean;
  /** Card numbers (13 to 19 digits that pass the Luhn check). */
  cards?: boolean;
  /** More parameters whose values are personal: masked as `[redacted]` wherever they appear. */
  params?: string[];
  /** More regular expressions (sources) to mask as `[redacted]`. */
  patterns?: string[];
}

const NAME_PARAM = /(?:^|[_.-])(?:name|person|(?:first|last|given|family|full|middle|sur)-?name)(?:$|[_.-]original$)|^(?:first|last|given|family|full)name$/i;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const CARD = /(?<![\d-])(?:\d[ -]?){12,18}\d(?![\d-])/g;
const PHONES = [
  // Groups of digits, not part of a longer run of groups (a card or account number that is not one).
  /(?<![\w+-]|\d[ .])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?\d{2,4}|\d{2,4}[ .-]\d{2,4})[ .-]\d{3,4}(?![\w-]|[ .]\d)/g,
  /(?<![\w+])\+\d{8,15}(?!\w)/g,
  /(?<!\w)0\d{9,10}(?!\w)/g,
];

/**
 * The personal values of a request (value → mask): strings inside the parameters whose names
 * say they are personal, from every place a dialect keeps parameters.
 */
export function personalValues(dialect: Dialect, request: unknown, options: RedactOptions = {}): Map<string, string> {
  const found = new Map<string, string>();
  const extra = new Set(options.params ?? []);
  const take = (key: string, value: unknown): void => {
    const bare = key.replace(/\.original$/, '');
    const mask = extra.has(bare) ? '[redacted]' : options.names !== false && NAME_PARAM.test(key) ? '[name]' : undefined;
    if (mask === undefined) return;
    for (const text of strings(value)) if (text.trim().length >= 2) found.set(text.trim(), mask);
  };
  const each = (map: unknown, read: (value: unknown) => unknown = (v) => v): void => {
    if (isJsonObject(map)) for (const [key, value] of Object.entries(map)) take(key, read(value));
  };
  const r = isJsonObject(request) ? request : {};
  if (dialect === 'cx') {
    each(field(r, 'sessionInfo', 'parameters'));
    each(field(r, 'intentInfo', 'parameters'), (p) => [field(p, 'resolvedValue'), field(p, 'originalValue')]);
    const form = field(r, 'pageInfo', 'formInfo', 'parameterInfo');
    if (Array.isArray(form)) for (const info of form) take(String(field(info, 'displayName') ?? ''), field(info, 'value'));
  } else {
    each(field(r, 'queryResult', 'parameters'));
    const contexts = field(r, 'queryResult', 'outputContexts');
    if (Array.isArray(contexts)) for (const context of contexts) each(field(context, 'parameters'));
  }
  return found;
}

/** The personal values anywhere in a JSON document (an endpoint's body): strings under name-like keys and the keys of `options.params`. */
export function personalValuesIn(value: unknown, options: RedactOptions = {}): Map<string, string> {
  const found = new Map<string, string>();
  const extra = new Set(options.params ?? []);
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (isJsonObject(node)) {
      for (const [key, item] of Object.entries(node)) {
        const mask = extra.has(key) ? '[redacted]' : options.names !== false && NAME_PARAM.test(key) ? '[name]' : undefined;
        if (mask !== undefined) for (const text of strings(item)) if (text.trim().length >= 2) found.set(text.trim(), mask);
        walk(item);
      }
    }
  };
  walk(value);
  return found;
}

/** A copy of `value` with the personal values and the enabled patterns masked in every string. */
export function redactJson<T extends JsonValue>(value: T, options: RedactOptions = {}, personal: ReadonlyMap<string, string> = new Map()): T {
  const rules = rulesFor(options, personal);
  const walk = (node: JsonValue): JsonValue => {
    if (typeof node === 'string') return rules.reduce((text, rule) => rule(text), node);
    if (Array.isArray(node)) return node.map(walk);
    if (node !== null && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
    return node;
  };
  return walk(value) as T;
}

type Rule = (text: string) => string;

function rulesFor(options: RedactOptions, personal: ReadonlyMap<string, string>): Rule[] {
  const rules: Rule[] = [];
  // Longest first, so that "Ichiro Tanaka" is masked whole before "Tanaka" is.
  for (const [text, mask] of [...personal].sort(([a], [b]) => b.length - a.length)) {
    const word = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(text)}(?![\\p{L}\\p{N}])`, 'gu');
    rules.push((s) => s.replace(word, mask));
  }
  if (options.cards !== false) rules.push((s) => s.replace(CARD, (m) => (luhn(m.replace(/\D/g, '')) ? '[card]' : m)));
  if (options.emails !== false) rules.push((s) => s.replace(EMAIL, '[email]'));
  if (options.phones !== false) for (const phone of PHONES) rules.push((s) => s.replace(phone, '[phone]'));
  for (const source of options.patterns ?? []) {
    const pattern = new RegExp(source, 'gu');
    rules.push((s) => s.replace(pattern, '[redacted]'));
  }
  return rules;
}

function luhn(digits: string): boolean {
  if (digits.length < 13 || digits.length > 19) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (isJsonObject(value)) return Object.values(value).flatMap(strings);
  return [];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
