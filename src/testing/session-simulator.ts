import { contextId as idOfContextName } from '../dialects/es/contexts.js';
import type { JsonObject, JsonValue } from '../generated/types.js';
import { cloneJson, field, isJsonObject } from '../base/json-object.js';
import type { Dialect } from '../base/dialect.js';

/** An active ES context: its id, the turns it has left, its parameters. */
export interface ActiveContext {
  readonly id: string;
  readonly lifespanCount: number;
  readonly parameters: JsonObject;
}

/** What the session holds between turns. */
export interface SessionState {
  readonly session: string | undefined;
  /** CX: the session parameters. */
  readonly params: Readonly<JsonObject>;
  /** ES: the active contexts, with the lifespans they had at the end of the last turn. */
  readonly contexts: readonly ActiveContext[];
}

/**
 * Plays Dialogflow's part between the turns of a conversation: what a webhook answered becomes
 * part of the next request, as Dialogflow would send it.
 *
 * - CX: session parameters are merged (a `null` in the answer deletes one); a `targetPage`
 *   becomes the next turn's current page.
 * - ES: contexts in the answer replace the active ones of the same id (lifespan 0 deletes);
 *   before each later turn every lifespan counts down by one and a context that reaches 0 is gone.
 *
 * A turn's own request wins over what is carried: its parameters and contexts are what the user
 * said and what the matched intent set. Session name and language carry over when a turn omits them.
 */
export class SessionSimulator {
  private session: string | undefined;
  private languageCode: string | undefined;
  private page: string | undefined;
  private params: JsonObject = {};
  private contexts = new Map<string, ActiveContext>();
  private started = false;

  constructor(readonly dialect: Dialect) {}

  /** The request for this turn, with the session state carried in. Pure: a retried turn calls it again. */
  prepare(request: JsonObject): JsonObject {
    const next = cloneJson(request);
    if (!this.started) return next;
    return this.dialect === 'cx' ? this.prepareCx(next) : this.prepareEs(next);
  }

  /** Takes the answer to `sent` (the prepared request) into the session state. */
  apply(sent: JsonObject, response: JsonObject | undefined): void {
    this.started = true;
    if (this.dialect === 'cx') this.applyCx(sent, response ?? {});
    else this.applyEs(sent, response ?? {});
  }

  get state(): SessionState {
    return { session: this.session, params: { ...this.params }, contexts: [...this.contexts.values()] };
  }

  private prepareCx(next: JsonObject): JsonObject {
    const info = isJsonObject(next.sessionInfo) ? next.sessionInfo : {};
    if (info.session === undefined && this.session !== undefined) info.session = this.session;
    info.parameters = { ...this.params, ...objectAt(info, 'parameters') };
    next.sessionInfo = info;
    if (next.languageCode === undefined && this.languageCode !== undefined) next.languageCode = this.languageCode;
    if (this.page !== undefined && field(next, 'pageInfo', 'currentPage') === undefined) {
      next.pageInfo = { ...objectAt(next, 'pageInfo'), currentPage: this.page };
    }
    return next;
  }

  private applyCx(sent: JsonObject, response: JsonObject): void {
    this.session = stringAt(field(sent, 'sessionInfo', 'session')) ?? this.session;
    this.languageCode = stringAt(sent.languageCode) ?? this.languageCode;
    const params = new Map(Object.entries(objectAt(sent.sessionInfo, 'parameters')));
    for (const [name, value] of Object.entries(objectAt(response.sessionInfo, 'parameters'))) {
      if (value === null) params.delete(name);
      else params.set(name, value);
    }
    this.params = Object.fromEntries([...params].filter(([, value]) => value !== null));
    const target = stringAt(response.targetPage);
    this.page = target ?? (response.targetFlow !== undefined ? undefined : stringAt(field(sent, 'pageInfo', 'currentPage')));
  }

  private prepareEs(next: JsonObject): JsonObject {
    if (next.session === undefined && this.session !== undefined) next.session = this.session;
    const session = stringAt(next.session) ?? '';
    const result = isJsonObject(next.queryResult) ? next.queryResult : {};
    if (result.languageCode === undefined && this.languageCode !== undefined) result.languageCode = this.languageCode;
    const own = Array.isArray(result.outputContexts) ? result.outputContexts : [];
    const ownIds = new Set(own.map((c) => contextId(field(c, 'name'))));
    const carried: JsonValue[] = [];
    for (const context of this.contexts.values()) {
      const lifespanCount = context.lifespanCount - 1;
      if (lifespanCount <= 0 || ownIds.has(context.id)) continue;
      const wire: JsonObject = { name: `${session}/contexts/${context.id}`, lifespanCount };
      if (Object.keys(context.parameters).length > 0) wire.parameters = context.parameters;
      carried.push(wire);
    }
    result.outputContexts = [...carried, ...own];
    next.queryResult = result;
    return next;
  }

  private applyEs(sent: JsonObject, response: JsonObject): void {
    this.session = stringAt(sent.session) ?? this.session;
    this.languageCode = stringAt(field(sent, 'queryResult', 'languageCode')) ?? this.languageCode;
    const active = new Map<string, ActiveContext>();
    const sentContexts = field(sent, 'queryResult', 'outputContexts');
    const answered = response.outputContexts;
    for (const context of [...(Array.isArray(sentContexts) ? sentContexts : []), ...(Array.isArray(answered) ? answered : [])]) {
      const id = contextId(field(context, 'name'));
      const lifespanCount = Number(field(context, 'lifespanCount') ?? 0);
      if (id === '') continue;
      if (lifespanCount > 0) active.set(id, { id, lifespanCount, parameters: objectAt(context, 'parameters') });
      else active.delete(id);
    }
    this.contexts = active;
  }
}

/** The lower-case id of a context name (`…/contexts/Awaiting_Order` → `awaiting_order`). */
export function contextId(name: unknown): string {
  return idOfContextName(typeof name === 'string' ? name : '');
}

function objectAt(value: unknown, key: string): JsonObject {
  const found = field(value, key);
  return isJsonObject(found) ? { ...found } : {};
}

function stringAt(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
