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

/** References in an export are display names; resource names (`projects/…/<id>`) are matched by id. */
function named<T extends { id: string; displayName: string }>(items: readonly T[], reference: string): T | undefined {
  if (isResourceName(reference)) {
    const id = lastSegment(reference);
    return items.find((item) => item.id === id);
  }
  return items.find((item) => item.displayName === reference);
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
