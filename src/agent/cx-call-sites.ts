import type { AgentFlow, AgentFulfillment, AgentLocation, AgentModel, AgentPage, AgentRouteGroup, CallSite, CallSiteKind, PageRef } from './agent-model.js';
import { isResourceName, lastSegment } from './resource-id.js';

type Scoped = Pick<AgentModel, 'flows' | 'routeGroups'>;

/**
 * Every fulfillment of a CX agent that calls a webhook, with the pages it can fire on: a page's
 * own on that page; the flow's own (its start page) on every page of the flow, since its routes
 * and handlers stay in scope there; a route group's on each page (or flow) that uses it.
 */
export function cxCallSites(model: Scoped): CallSite[] {
  const sites: CallSite[] = [];
  const add = (kind: CallSiteKind, fulfillment: AgentFulfillment | undefined, pages: readonly PageRef[], location: AgentLocation, intent?: string): void => {
    if (fulfillment?.webhook === undefined || fulfillment.webhook === '') return;
    sites.push({ webhook: fulfillment.webhook, kind, tag: fulfillment.tag || undefined, intent, action: undefined, slotFilling: false, pages, location });
  };
  for (const flow of model.flows) {
    const everywhere = [flow.start, ...flow.pages].map((page) => pageRef(flow, page));
    for (const page of [flow.start, ...flow.pages]) {
      const here = page === flow.start ? everywhere : [pageRef(flow, page)];
      add('entry', page.entry, here, { file: page.location.file, path: `${page.location.path} › entry` });
      for (const route of page.routes) add('route', route.fulfillment, here, route.location, route.intent);
      for (const handler of page.eventHandlers) add('event', handler.fulfillment, here, handler.location);
      for (const parameter of page.form) {
        add('form-parameter', parameter.initialPrompt, here, parameter.location);
        for (const handler of parameter.repromptHandlers) add('reprompt', handler.fulfillment, here, handler.location);
      }
      add('data-store', page.dataStore, here, { file: page.location.file, path: `${page.location.path} › data store` });
    }
    for (const group of flow.routeGroups) {
      const pages = usersOf(group, [flow]);
      for (const route of group.routes) add('route', route.fulfillment, pages, route.location, route.intent);
    }
  }
  for (const group of model.routeGroups) {
    // A flow's own group of the same name wins over the agent's, as references are resolved.
    const flows = model.flows.filter((flow) => !flow.routeGroups.some((own) => refersTo(group.displayName, own)));
    const pages = usersOf(group, flows);
    for (const route of group.routes) add('route', route.fulfillment, pages, route.location, route.intent);
  }
  return sites;
}

/** Whether a reference (a display name, or a resource name ending in the id) names this group. */
export function refersTo(reference: string, group: Pick<AgentRouteGroup, 'id' | 'displayName'>): boolean {
  return isResourceName(reference) ? lastSegment(reference) === group.id : reference === group.displayName;
}

function usersOf(group: AgentRouteGroup, flows: readonly AgentFlow[]): PageRef[] {
  const pages: PageRef[] = [];
  for (const flow of flows) {
    const uses = (page: AgentPage): boolean => page.routeGroups.some((reference) => refersTo(reference, group));
    if (uses(flow.start)) pages.push(...[flow.start, ...flow.pages].map((page) => pageRef(flow, page)));
    else pages.push(...flow.pages.filter(uses).map((page) => pageRef(flow, page)));
  }
  return pages;
}

function pageRef(flow: AgentFlow, page: AgentPage): PageRef {
  return { flowId: flow.id, pageId: page.id, flow: flow.displayName, page: page.displayName };
}
