import type { RouteKind } from '../base/app-types.js';
import { InvalidArgumentError } from '../errors.js';
import { compose, type Middleware } from './compose.js';
import { toMatcher, type Match } from './matcher.js';

/** Per-route settings. */
export interface RouteOptions {
  /** Time budget for this route's handlers, overriding the app's `deadlineMs`. */
  deadlineMs?: number;
}

/** One registered route. */
export interface Route<T> {
  readonly kind: RouteKind;
  readonly handlers: readonly Middleware<T>[];
  /** The handlers composed once, at registration. */
  readonly run: (turn: T) => Promise<void>;
  readonly options: RouteOptions;
  readonly index: number;
}

interface Entry<T> extends Route<T> {
  readonly test: (value: string, turn: T) => boolean;
}

/**
 * The route table. Routes are tried in registration order within a kind; exact strings are
 * looked up in a map so a big agent costs the same per request as a small one.
 */
export class Router<T> {
  /** Exact-string routes by kind, then by the string. */
  private readonly exact = new Map<RouteKind, Map<string, Entry<T>>>();
  private readonly patterns: Entry<T>[] = [];
  private count = 0;

  add(kind: RouteKind, match: Match<T>, options: RouteOptions, handlers: Middleware<T>[]): void {
    if (handlers.length === 0) throw new InvalidArgumentError(`app.${kind}() needs at least one handler.`);
    for (const handler of handlers) {
      if (typeof handler !== 'function') throw new InvalidArgumentError(`app.${kind}(): every handler must be a function.`);
    }
    const entry: Entry<T> = { kind, handlers, run: compose(handlers), options, index: this.count++, test: toMatcher(match) };
    if (typeof match === 'string') {
      let byValue = this.exact.get(kind);
      if (byValue === undefined) {
        byValue = new Map();
        this.exact.set(kind, byValue);
      }
      if (!byValue.has(match)) byValue.set(match, entry);
    } else {
      this.patterns.push(entry);
    }
  }

  /** How many routes are registered. */
  get size(): number {
    return this.count;
  }

  /** The exact names routed for `kind`, in registration order (patterns and predicates have none). */
  names(kind: RouteKind): string[] {
    return [...(this.exact.get(kind)?.keys() ?? [])];
  }

  /** The first route of `kind` that matches `value`, or undefined. */
  find(kind: RouteKind, value: string | undefined, turn: T): Route<T> | undefined {
    if (value === undefined) return undefined;
    const hit = this.exact.get(kind)?.get(value);
    for (const entry of this.patterns) {
      if (hit !== undefined && entry.index > hit.index) break;
      if (entry.kind === kind && entry.test(value, turn)) return entry;
    }
    return hit;
  }
}
