import type { JsonValue } from '../generated/types.js';

/**
 * Session parameters as a handler sees them: read through a list of sources (highest priority
 * first), written as a tracked diff that the dialect turns into its wire form (CX: session
 * parameters with `null` to delete; ES: the session context). Dialogflow's "not given" values
 * (`""`, `[]`, `null`) read as unset, so a read falls through to the next source.
 */
export class Params {
  private readonly sources: readonly Readonly<Record<string, JsonValue>>[];
  private readonly diff = new Map<string, JsonValue | undefined>();

  constructor(sources: readonly (Readonly<Record<string, JsonValue>> | null | undefined)[]) {
    this.sources = sources.filter((s): s is Readonly<Record<string, JsonValue>> => s !== undefined && s !== null);
  }

  /** The current value, or undefined when unset (a deleted parameter reads as undefined). */
  get<V extends JsonValue = JsonValue>(name: string): V | undefined {
    if (this.diff.has(name)) return this.diff.get(name) as V | undefined;
    for (const source of this.sources) {
      if (Object.hasOwn(source, name) && !blank(source[name])) return source[name] as V;
    }
    return undefined;
  }

  /**
   * The value as text: strings as they are, numbers and booleans converted (so `12345` from
   * a @sys.number entity reads as "12345"), anything else undefined.
   */
  string(name: string): string | undefined {
    const value = this.get(name);
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return undefined;
  }

  /** The value as a finite number (numeric strings converted), or undefined. */
  number(name: string): number | undefined {
    const value = this.get(name);
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  /** Sets a parameter for the rest of the session. `undefined` or `null` deletes it. */
  set(name: string, value: JsonValue | undefined): this {
    this.diff.set(name, value === null ? undefined : value);
    return this;
  }

  /** Removes a parameter from the session. */
  delete(name: string): this {
    this.diff.set(name, undefined);
    return this;
  }

  /** Every visible parameter, merged, with this turn's changes applied. */
  toObject(): Record<string, JsonValue> {
    // A Map, then fromEntries: a "__proto__" key from JSON stays a plain own property.
    const merged = new Map<string, JsonValue | undefined>();
    for (let i = this.sources.length - 1; i >= 0; i--) {
      for (const [name, value] of Object.entries(this.sources[i]!)) if (!blank(value)) merged.set(name, value);
    }
    for (const [name, value] of this.diff) merged.set(name, value);
    return Object.fromEntries([...merged].filter((e): e is [string, JsonValue] => e[1] !== undefined));
  }

  /** This turn's writes: name → new value, or `undefined` for a deletion. */
  changes(): ReadonlyMap<string, JsonValue | undefined> {
    return this.diff;
  }
}

/** Dialogflow sends unfilled parameters as "" (ES) or [] (lists); null is a deleted CX parameter. */
function blank(value: JsonValue | undefined): boolean {
  return value === null || value === '' || (Array.isArray(value) && value.length === 0);
}
