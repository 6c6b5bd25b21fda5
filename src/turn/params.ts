import type { AnyParams } from '../base/app-types.js';
import type { JsonValue } from '../generated/types.js';
import { checkRepresentable } from '../base/representable.js';

/** A source of parameters as the request has it: absent sources are skipped. */
type Source = Readonly<Record<string, JsonValue>> | null | undefined;

/** Any name, for an app that does not know its agent; none beyond its names for one that does. */
type AnyName<N extends string> = string extends N ? string : never;
/** Every parameter at once. */
type ParamsObject<P> = string extends keyof P ? Record<string, JsonValue> : Partial<P>;

/**
 * Session parameters as a handler sees them: read through a list of sources (highest priority
 * first), written as a tracked diff that the dialect turns into its wire form (CX: session
 * parameters with `null` to delete; ES: the session context). Dialogflow's "not given" values
 * (`""`, `[]`, `null`) read as unset, so a read falls through to the next source. `P` types the
 * names and values when the app knows its agent (`createFulfiller<Agent>()`).
 */
export class Params<P extends AnyParams = AnyParams, N extends string = keyof P & string> {
  private list: readonly Readonly<Record<string, JsonValue>>[] | undefined;
  private readonly diff = new Map<string, JsonValue | undefined>();

  /**
   * `sources` may be a function that lists them: it is called at the first read, so a turn whose
   * handler never reads a parameter does not gather them.
   */
  constructor(private readonly sources: readonly Source[] | (() => readonly Source[])) {}

  private get from(): readonly Readonly<Record<string, JsonValue>>[] {
    if (this.list === undefined) {
      const sources = typeof this.sources === 'function' ? this.sources() : this.sources;
      this.list = sources.filter((s): s is Readonly<Record<string, JsonValue>> => s !== undefined && s !== null);
    }
    return this.list;
  }

  /** The current value, or undefined when unset (a deleted parameter reads as undefined). */
  get<K extends N>(name: K): P[K] | undefined;
  get<V extends JsonValue = JsonValue>(name: AnyName<N>): V | undefined;
  get(name: string): JsonValue | undefined {
    if (this.diff.has(name)) return this.diff.get(name);
    for (const source of this.from) {
      if (Object.hasOwn(source, name) && !blank(source[name])) return source[name];
    }
    return undefined;
  }

  /**
   * The value as text: strings as they are, numbers and booleans converted (so `12345` from
   * a @sys.number entity reads as "12345"), anything else undefined.
   */
  string(name: N | AnyName<N>): string | undefined {
    const value = this.read(name);
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return undefined;
  }

  /** The value as a finite number (numeric strings converted), or undefined. */
  number(name: N | AnyName<N>): number | undefined {
    const value = this.read(name);
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
  }

  has(name: N | AnyName<N>): boolean {
    return this.read(name) !== undefined;
  }

  /**
   * Sets a parameter for the rest of the session. `undefined` or `null` deletes it. A value JSON
   * cannot carry as it is (NaN, a BigInt, `undefined` inside it, a cycle…) is refused here with
   * ERR_INVALID_RESPONSE naming it: sent anyway, it would arrive as null, which deletes it.
   */
  set<K extends N>(name: K, value: P[K] | null | undefined): this;
  set(name: AnyName<N>, value: JsonValue | undefined): this;
  set(name: string, value: JsonValue | undefined): this {
    if (value !== undefined && value !== null) checkRepresentable(value, `params.${name}`);
    this.diff.set(name, value === null ? undefined : value);
    return this;
  }

  /** Removes a parameter from the session. */
  delete(name: N | AnyName<N>): this {
    this.diff.set(name, undefined);
    return this;
  }

  /** Every visible parameter, merged, with this turn's changes applied. */
  toObject(): ParamsObject<P> {
    // A Map, then fromEntries: a "__proto__" key from JSON stays a plain own property.
    const merged = new Map<string, JsonValue | undefined>();
    const sources = this.from;
    for (let i = sources.length - 1; i >= 0; i--) {
      for (const [name, value] of Object.entries(sources[i]!)) if (!blank(value)) merged.set(name, value);
    }
    for (const [name, value] of this.diff) merged.set(name, value);
    return Object.fromEntries([...merged].filter((e): e is [string, JsonValue] => e[1] !== undefined)) as ParamsObject<P>;
  }

  private read(name: string): JsonValue | undefined {
    return (this.get as (name: string) => JsonValue | undefined)(name);
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
