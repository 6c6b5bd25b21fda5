import type { AgentFlow, AgentModel, AgentPage, AgentRouteGroup, AgentWebhook } from './agent-model.js';
import { isResourceName, lastSegment } from './resource-id.js';

/** Pages every flow has without a file: where a transition may always go. */
const SPECIAL_PAGES = new Set([
  'End Session',
  'End Flow',
  'Start Page',
  'Current Page',
  'Previous Page',
  'End Flow With Cancellation',
  'End Flow With Failure',
  'End Flow With Human Escalation',
  'END_SESSION',
  'END_FLOW',
  'START_PAGE',
  'CURRENT_PAGE',
  'PREVIOUS_PAGE',
  'END_FLOW_WITH_CANCELLATION',
  'END_FLOW_WITH_FAILURE',
  'END_FLOW_WITH_HUMAN_ESCALATION',
]);

type Named = { id: string; displayName: string };
const byName = new WeakMap<readonly Named[], Map<string, Named>>();
const byId = new WeakMap<readonly Named[], Map<string, Named>>();

function lookup<T extends Named>(cache: WeakMap<readonly Named[], Map<string, Named>>, items: readonly T[], key: (item: T) => string): Map<string, T> {
  let map = cache.get(items) as Map<string, T> | undefined;
  if (map === undefined) {
    map = new Map();
    for (const item of items) if (!map.has(key(item))) map.set(key(item), item);
    cache.set(items, map);
  }
  return map;
}

/** References in an export are display names; resource names (`projects/…/<id>`) are matched by id. Indexed once per list. */
function named<T extends Named>(items: readonly T[], reference: string): T | undefined {
  if (isResourceName(reference)) return lookup(byId, items, (item) => item.id).get(lastSegment(reference)!);
  return lookup(byName, items, (item) => item.displayName).get(reference);
}

export function findWebhook(agent: AgentModel, reference: string): AgentWebhook | undefined {
  return named(agent.webhooks, reference);
}

export function findFlow(agent: AgentModel, reference: string): AgentFlow | undefined {
  return named(agent.flows, reference);
}

/** Whether a page reference resolves in `flow` (a special page always does). */
export function pageExists(flow: AgentFlow, reference: string): boolean {
  const id = lastSegment(reference)!;
  return SPECIAL_PAGES.has(reference) || SPECIAL_PAGES.has(id) || named<AgentPage>(flow.pages, reference) !== undefined;
}

/** A route group a page of `flow` can use: the flow's own first, then the agent's. */
export function findRouteGroup(agent: AgentModel, flow: AgentFlow, reference: string): AgentRouteGroup | undefined {
  return named(flow.routeGroups, reference) ?? named(agent.routeGroups, reference);
}

export function intentExists(agent: AgentModel, reference: string): boolean {
  return named(agent.intents, reference) !== undefined;
}
