import type { AgentEntityType, AgentModel } from '../agent/agent-model.js';
import { literal } from './ts-literal.js';

// What Dialogflow puts in a session parameter for the system entities whose shape is settled;
// the others are typed JsonValue. CX sends dates and times as objects, ES as ISO strings.
const NUMBER = 'number';
const STRING = 'string';
const CURRENCY = '{ amount: number; currency: string }';
const BOTH: Readonly<Record<string, string>> = {
  'sys.number': NUMBER,
  'sys.number-integer': NUMBER,
  'sys.cardinal': NUMBER,
  'sys.ordinal': NUMBER,
  'sys.unit-currency': CURRENCY,
  'sys.any': STRING,
  'sys.email': STRING,
  'sys.phone-number': STRING,
  'sys.url': STRING,
  'sys.color': STRING,
  'sys.language': STRING,
  'sys.flight-number': STRING,
  'sys.zip-code': STRING,
};
const CX: Readonly<Record<string, string>> = {
  'sys.date': '{ year: number; month: number; day: number }',
  'sys.time': '{ hours: number; minutes: number; seconds: number; nanos: number }',
};
const ES: Readonly<Record<string, string>> = {
  'sys.address': STRING,
  'sys.date': STRING,
  'sys.time': STRING,
  'sys.date-time': STRING,
  'sys.date-period': '{ startDate: string; endDate: string }',
};

/**
 * The TypeScript type of every session parameter the agent knows, by name: from the entity
 * type of its form or intent parameters (custom entities as the union of their values, lists as
 * arrays); parameters only read or preset in the agent are JsonValue. Sorted by name.
 */
export function parameterTypes(agent: AgentModel): [string, string][] {
  const types = new Map<string, Set<string>>();
  const add = (name: string, type: string): void => {
    let set = types.get(name);
    if (set === undefined) types.set(name, (set = new Set()));
    set.add(type);
  };
  for (const flow of agent.flows) {
    for (const page of [flow.start, ...flow.pages]) for (const p of page.form) add(p.displayName, typeOf(agent, p.entityType, p.isList));
  }
  for (const intent of agent.intents) for (const p of intent.parameters) add(p.name, typeOf(agent, p.entityType, p.isList));
  for (const name of agent.parameters) if (!types.has(name)) add(name, 'JsonValue');
  return [...types].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, set]) => [name, union([...set])]);
}

function typeOf(agent: AgentModel, entityType: string | undefined, isList: boolean): string {
  const single = entityTypeOf(agent, entityType);
  return isList ? `(${single})[]` : single;
}

function entityTypeOf(agent: AgentModel, reference: string | undefined): string {
  const name = reference?.replace(/^@/, '');
  if (name === undefined || name === '') return 'JsonValue';
  if (name.startsWith('sys.')) return (agent.dialect === 'cx' ? CX : ES)[name] ?? BOTH[name] ?? 'JsonValue';
  const entity = agent.entityTypes.find((e) => e.displayName === name || e.id === name.slice(name.lastIndexOf('/') + 1));
  return entity === undefined ? 'JsonValue' : customType(entity);
}

function customType(entity: AgentEntityType): string {
  if (entity.kind === 'regexp') return STRING;
  if (entity.kind === 'list' || entity.values.length === 0) return 'JsonValue';
  const values = [...entity.values].sort().map(literal);
  // Automated expansion may extract values outside the list; `string & {}` keeps completion.
  return union(entity.open ? [...values, '(string & {})'] : values);
}

/** `A | B`, without repeats; `never` for none. */
export function union(types: readonly string[]): string {
  const unique = [...new Set(types)];
  return unique.length === 0 ? 'never' : unique.join(' | ');
}
