/**
 * dialogflow-fulfillment's `agent.context`: the request's contexts by name, which handlers read,
 * set and delete. Only the contexts that differ from the request's are answered, and each is
 * handed to the turn's contexts (turn.contexts), which send lifespans exactly as given.
 */
import { isDeepStrictEqual } from 'node:util';
import type { EsContext, JsonObject } from '../../index.js';
import { InvalidResponseError } from '../../index.js';
import { describe } from './rich-response.js';

/** A context as the old library shows it: lifespan and parameters by the context's name. */
export interface LegacyContext {
  name: string;
  lifespan?: number | undefined;
  parameters?: JsonObject | undefined;
}

/** Where contexts set after the answer was built go: the turn, which warns that it is too late. */
export type LateContext = (context: LegacyContext) => void;

export class Contexts implements Iterable<LegacyContext> {
  private tables: { contexts: Map<string, LegacyContext>; input: Map<string, LegacyContext> } | undefined;
  private late: LateContext | undefined;

  constructor(private readonly incoming: readonly EsContext[] | undefined) {}

  /** The contexts by name, made at the first use: most handlers never look (profiled with bench/contenders/compat-express.cjs). */
  private get contexts(): Map<string, LegacyContext> {
    return (this.tables ??= this.read()).contexts;
  }

  private get input(): Map<string, LegacyContext> {
    return (this.tables ??= this.read()).input;
  }

  private read(): { contexts: Map<string, LegacyContext>; input: Map<string, LegacyContext> } {
    const contexts = new Map<string, LegacyContext>();
    const input = new Map<string, LegacyContext>();
    for (const context of this.incoming ?? []) {
      const name = lastSegment(context.name ?? '');
      contexts.set(name, { name, lifespan: context.lifespanCount, parameters: context.parameters });
      // The same parameters object: like the old library, a change made in place is not an answer.
      input.set(name, { name, lifespan: context.lifespanCount, parameters: context.parameters });
    }
    return { contexts, input };
  }

  /**
   * Sets a context: `set('name', lifespan?, parameters?)` or `set({ name, lifespan, parameters })`.
   * A lifespan left out keeps the context's own (5, the documented default, for a new one).
   */
  set(name: string | LegacyContext, lifespan?: number | string | null, parameters?: JsonObject): void {
    const given = typeof name === 'string' && name !== '' ? { name, lifespan, parameters } : contextArgument(name);
    const context = this.contexts.get(given.name) ?? { name: given.name };
    const count = lifespanOf(given.lifespan);
    if (count !== undefined) context.lifespan = count;
    if (given.parameters !== undefined) context.parameters = given.parameters;
    if (this.late !== undefined) this.late(context);
    else this.contexts.set(given.name, context);
  }

  /** The context, or undefined. */
  get(name: string): LegacyContext | undefined {
    return this.contexts.get(name);
  }

  /** Ends a context: it is sent with lifespan 0. */
  delete(name: string): void {
    this.set(name, 0);
  }

  [Symbol.iterator](): Iterator<LegacyContext> {
    return [...this.contexts.values()][Symbol.iterator]();
  }

  /** Takes a context out of the answer (the old library's clearContext: it does not end an active context). */
  _removeOutgoingContext(name: string): void {
    this.contexts.delete(name);
  }

  /**
   * The contexts to answer: those set or changed on this turn (a request's context set to what it
   * was is not). Parameters are compared by reference first: copying and comparing every context on
   * every call was a sixth of the call's time (profiled with bench/contenders/compat-express.cjs).
   */
  outgoing(): LegacyContext[] {
    if (this.tables === undefined) return []; // never read nor written
    const out: LegacyContext[] = [];
    for (const context of this.contexts.values()) {
      const input = this.input.get(context.name);
      const same =
        input !== undefined &&
        context.lifespan === input.lifespan &&
        (context.parameters === input.parameters || isDeepStrictEqual(context.parameters, input.parameters));
      if (!same) out.push(context);
    }
    return out;
  }

  /** From now on, a write goes straight to the answered turn (which warns). */
  closeWith(late: LateContext): void {
    this.late = late;
  }
}

function contextArgument(value: unknown): { name: string; lifespan?: unknown; parameters?: JsonObject } {
  const context = value as { name?: unknown; lifespan?: unknown; lifespanCount?: unknown; parameters?: JsonObject } | null;
  if (typeof context !== 'object' || context === null || typeof context.name !== 'string' || context.name === '') {
    throw contextError(`a context is a name or { name, lifespan, parameters }, not ${describe(value)}`);
  }
  // `lifespanCount` is what answers on the old library's issue tracker told people to pass.
  return { name: context.name, lifespan: context.lifespan ?? context.lifespanCount, parameters: context.parameters };
}

/** A lifespan as the old library's users passed it: a number or a numeric string; below 0 ends the context. */
function lifespanOf(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  const count = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof count !== 'number' || !Number.isInteger(count)) throw contextError(`a context lifespan is a whole number of turns, not ${describe(value)}`);
  return Math.max(count, 0);
}

function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

function contextError(message: string): InvalidResponseError {
  return new InvalidResponseError(message, 'outputContexts');
}
