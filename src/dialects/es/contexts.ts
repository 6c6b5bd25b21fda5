import { checkRepresentable } from '../../base/representable.js';
import { checkObject, checkString } from '../../base/check-argument.js';
import { InvalidResponseError } from '../../errors.js';
import type { EsContext, JsonValue } from '../../generated/types.js';

/** An active ES context as handlers see it. */
export interface ContextView {
  /** The context id (last segment of its name), lower-case. */
  readonly id: string;
  readonly lifespanCount: number;
  readonly parameters: Readonly<Record<string, JsonValue>>;
}

const CONTEXT_ID = /^[a-z0-9_\-%]{1,250}$/;

/** The context id of a full context name. */
export function contextId(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1).toLowerCase();
}

/**
 * The session's contexts: those the request reports as active, with this turn's changes.
 * Lifespans are sent exactly as given (0 deletes a context); nothing is changed silently.
 */
export class EsContexts {
  private table: Map<string, ContextView> | undefined;
  private readonly changed = new Map<string, ContextView>();

  constructor(
    private readonly session: string,
    private readonly incoming: readonly EsContext[] | undefined,
    private readonly hidden: string,
    private readonly writable: (method: string) => boolean,
  ) {}

  /** The request's contexts by id, read at the first use: most turns never look. */
  private get active(): Map<string, ContextView> {
    if (this.table !== undefined) return this.table;
    this.table = new Map();
    for (const context of this.incoming ?? []) {
      const id = contextId(context.name ?? '');
      if (id === this.hidden || id === '') continue;
      this.table.set(id, { id, lifespanCount: context.lifespanCount ?? 0, parameters: context.parameters ?? {} });
    }
    return this.table;
  }

  /** An active context (after this turn's changes), or undefined. */
  get(id: string): ContextView | undefined {
    const key = id.toLowerCase();
    const view = this.changed.get(key) ?? this.active.get(key);
    return view === undefined || view.lifespanCount === 0 ? undefined : view;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /** Every active context after this turn's changes. */
  all(): ContextView[] {
    const ids = new Set([...this.active.keys(), ...this.changed.keys()]);
    return [...ids].map((id) => this.get(id)).filter((view): view is ContextView => view !== undefined);
  }

  /** Activates a context for `lifespan` turns (0 deletes it) with the given parameters. */
  set(id: string, options: { lifespan: number; parameters?: Record<string, JsonValue> }): void {
    checkString(id, 'turn.contexts.set() takes the context id');
    checkObject(options, 'turn.contexts.set() takes { lifespan, parameters? }');
    if (options.parameters !== undefined) checkObject(options.parameters, 'turn.contexts.set() takes parameters as a JSON object');
    const key = checkId(id);
    const { lifespan } = options;
    if (!Number.isInteger(lifespan) || lifespan < 0 || lifespan > 2147483647) {
      throw new InvalidResponseError(`lifespan of context "${key}" must be a whole number >= 0, not ${String(lifespan)}`, 'outputContexts');
    }
    if (options.parameters !== undefined) checkRepresentable(options.parameters, `contexts.${key}.parameters`);
    if (this.writable('contexts.set')) this.changed.set(key, { id: key, lifespanCount: lifespan, parameters: options.parameters ?? {} });
  }

  /** Deactivates a context (sends it with lifespan 0). */
  delete(id: string): void {
    checkString(id, 'turn.contexts.delete() takes the context id');
    const key = checkId(id);
    if (this.writable('contexts.delete')) this.changed.set(key, { id: key, lifespanCount: 0, parameters: {} });
  }

  /** The outputContexts for the response: every context set or deleted on this turn. */
  changes(): EsContext[] {
    return [...this.changed.values()].map((view) => toWire(this.session, view));
  }
}

/** A context in wire form. */
export function toWire(session: string, view: ContextView): EsContext {
  const context: EsContext = { name: `${session}/contexts/${view.id}`, lifespanCount: view.lifespanCount };
  if (Object.keys(view.parameters).length > 0) context.parameters = { ...view.parameters };
  return context;
}

function checkId(id: string): string {
  const key = id.toLowerCase();
  if (!CONTEXT_ID.test(key)) {
    throw new InvalidResponseError(`"${id}" is not a context id (letters, digits, _ - %; at most 250)`, 'outputContexts');
  }
  return key;
}
