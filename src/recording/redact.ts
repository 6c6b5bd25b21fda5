import type { JsonValue } from '../generated/types.js';
import { field, isJsonObject } from '../base/json-object.js';
import type { Dialect } from '../base/dialect.js';
import { maskText, type TextMasks } from '../privacy/mask-text.js';
import { personalKind, type PersonalKind } from '../privacy/personal-keys.js';

/**
 * What recordings mask, under the one redaction policy (src/privacy) the logs use too: the
 * values of personal parameters (names, e-mail, phone, address) wherever they appear, and
 * e-mail addresses, phone numbers and card numbers in any text. Set one to `false` to keep it,
 * or add parameters and patterns of your own.
 */
export interface RedactOptions extends TextMasks {
  /** Values of name-like parameters (`contact_name`, `person`, @sys.person objects), at any depth, wherever they appear. */
  names?: boolean;
  /** Values of address parameters (`address`, `shipping_address`…). */
  addresses?: boolean;
  /** More parameters whose values are personal: masked as `[redacted]` wherever they appear. */
  params?: string[];
}

const MASKS: Record<PersonalKind, string> = { name: '[name]', email: '[email]', phone: '[phone]', address: '[address]' };
const OPTION_OF: Record<PersonalKind, keyof RedactOptions> = { name: 'names', email: 'emails', phone: 'phones', address: 'addresses' };

/**
 * The personal values of a request or a response (value → mask): strings inside the parameters
 * whose names say they are personal, at any depth (`caller.contact_name`), from every place a
 * dialect keeps parameters: CX session, intent and form parameters; ES query parameters,
 * contexts and followup events.
 */
export function personalValues(dialect: Dialect, document: unknown, options: RedactOptions = {}): Map<string, string> {
  const found = new Map<string, string>();
  const extra = new Set(options.params ?? []);
  const take = (key: string, value: unknown): void => {
    const bare = key.replace(/\.original$/, '');
    const kind = personalKind(key);
    const mask = extra.has(bare) ? '[redacted]' : kind !== undefined && options[OPTION_OF[kind]] !== false ? MASKS[kind] : undefined;
    if (mask !== undefined) {
      for (const text of strings(value)) if (text.trim().length >= 2) found.set(text.trim(), mask);
    } else if (Array.isArray(value)) {
      for (const item of value) if (isJsonObject(item)) each(item);
    } else if (isJsonObject(value)) {
      each(value);
    }
  };
  const each = (map: unknown): void => {
    if (isJsonObject(map)) for (const [key, value] of Object.entries(map)) take(key, value);
  };
  const r = isJsonObject(document) ? document : {};
  if (dialect === 'cx') {
    each(field(r, 'sessionInfo', 'parameters'));
    each(field(r, 'intentInfo', 'parameters'));
    const form = field(r, 'pageInfo', 'formInfo', 'parameterInfo');
    if (Array.isArray(form)) for (const info of form) take(String(field(info, 'displayName') ?? ''), field(info, 'value'));
  } else {
    each(field(r, 'queryResult', 'parameters'));
    for (const contexts of [field(r, 'queryResult', 'outputContexts'), r.outputContexts]) {
      if (Array.isArray(contexts)) for (const context of contexts) each(field(context, 'parameters'));
    }
    each(field(r, 'followupEventInput', 'parameters'));
  }
  return found;
}

/** The personal values anywhere in a JSON document (an endpoint's body): strings under personal keys (the same policy as for parameters) and the keys of `options.params`. */
export function personalValuesIn(value: unknown, options: RedactOptions = {}): Map<string, string> {
  const found = new Map<string, string>();
  const extra = new Set(options.params ?? []);
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (isJsonObject(node)) {
      for (const [key, item] of Object.entries(node)) {
        const kind = personalKind(key);
        const mask = extra.has(key) ? '[redacted]' : kind !== undefined && options[OPTION_OF[kind]] !== false ? MASKS[kind] : undefined;
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
  const known = knownValues(personal);
  const walk = (node: JsonValue): JsonValue => {
    if (typeof node === 'string') return maskText(known(node), options);
    if (Array.isArray(node)) return node.map(walk);
    if (node !== null && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
    return node;
  };
  return walk(value) as T;
}

/** Masks the personal values found so far, whole words only, longest first (so that "Ichiro Tanaka" goes whole before "Tanaka"). */
function knownValues(personal: ReadonlyMap<string, string>): (text: string) => string {
  const rules = [...personal]
    .sort(([a], [b]) => b.length - a.length)
    .map(([text, mask]) => {
      const word = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(text)}(?![\\p{L}\\p{N}])`, 'gu');
      return (s: string): string => s.replace(word, mask);
    });
  return (text) => rules.reduce((masked, rule) => rule(masked), text);
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
