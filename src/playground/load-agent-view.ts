import { type AgentModel, type CallSite, readAgent } from '../testing/index.js';
import type { AgentCallSite, AgentFlow, AgentPage, AgentTransition, AgentView } from './agent-view.js';

/** Pages every flow has: an export names them by id (`"END_SESSION"`) or by the console's name (`"End Session"`). */
const SPECIAL: Readonly<Record<string, string>> = {
  'Start Page': 'START_PAGE',
  'End Session': 'END_SESSION',
  'End Flow': 'END_FLOW',
  'Previous Page': 'PREVIOUS_PAGE',
  'Current Page': 'CURRENT_PAGE',
};

/**
 * `--agent PATH` → the agent view: a Dialogflow CX or ES export (a .zip or a folder), read with
 * the export reader (coded errors with the file and what is wrong), turned into what the page
 * draws. Whether the app handles each call site is left to the playground, which asks the
 * app's routes as they are after each reload.
 */
export async function loadAgentView(path: string): Promise<AgentView> {
  return toAgentView(await readAgent(path));
}

/** The reader's model as the playground's picture. */
export function toAgentView(model: AgentModel): AgentView {
  const events = eventsByLocation(model);
  const callSites = model.callSites.map((site) => callSiteView(site, events.get(site.location.path)));
  return {
    dialect: model.dialect,
    name: model.displayName ?? '',
    flows: model.dialect === 'cx' ? model.flows.map((flow) => flowView(flow, model, callSites)) : [],
    callSites,
    events: [...model.events],
  };
}

/** A call site is known by where it is in the export, as designers read it. */
function callSiteView(site: CallSite, event: string | undefined): AgentCallSite {
  // A flow's own route or handler fires on every page of the flow; it is drawn on the start page.
  const at = site.pages.length === 1 ? site.pages[0] : (site.pages.find((page) => page.pageId === 'START_PAGE') ?? site.pages[0]);
  return {
    id: site.location.path,
    location: site.location.path,
    ...(at === undefined ? {} : { flow: at.flowId, page: at.pageId }),
    ...(site.tag === undefined ? {} : { tag: site.tag }),
    ...(site.intent === undefined ? {} : { intent: site.intent }),
    ...(site.action === undefined ? {} : { action: site.action }),
    ...(event === undefined ? {} : { event }),
  };
}

function flowView(flow: AgentModel['flows'][number], model: AgentModel, sites: readonly AgentCallSite[]): AgentFlow {
  const pages: AgentPage[] = [{ id: 'START_PAGE', name: 'Start Page' }, ...flow.pages.map((page) => ({ id: page.id, name: page.displayName }))];
  const idOf = (target: string): string =>
    flow.pages.find((page) => page.displayName === target || page.id === target)?.id ?? (Object.hasOwn(SPECIAL, target) ? SPECIAL[target]! : target);
  const otherFlow = (name: string): string => `flow:${model.flows.find((f) => f.displayName === name || f.id === name)?.displayName ?? name}`;
  const transitions: AgentTransition[] = [];
  for (const page of [flow.start, ...flow.pages]) {
    const from = page === flow.start ? 'START_PAGE' : page.id;
    const moves = [
      ...page.routes.map((route) => ({ ...route, label: route.intent !== undefined ? `intent ${route.intent}` : (route.condition ?? 'route') })),
      ...page.eventHandlers.map((handler) => ({ ...handler, label: `event ${handler.event}` })),
    ];
    for (const move of moves) {
      const to = move.targetPage !== undefined ? idOf(move.targetPage) : move.targetFlow !== undefined ? otherFlow(move.targetFlow) : undefined;
      if (to === undefined) continue;
      const site = sites.find((s) => s.id === move.location.path);
      transitions.push({ from, to, label: move.label, ...(site === undefined ? {} : { callSite: site.id }) });
    }
  }
  // Targets that are not pages of the flow (END_SESSION, another flow) are drawn as nodes too.
  for (const { to } of transitions) {
    if (pages.some((page) => page.id === to)) continue;
    const special = Object.keys(SPECIAL).find((name) => SPECIAL[name] === to);
    pages.push({ id: to, name: special ?? (to.startsWith('flow:') ? `→ ${to.slice(5)}` : to) });
  }
  return { id: flow.id, name: flow.displayName, pages, transitions };
}

/** The event of each event handler (and reprompt handler), by where it is. */
function eventsByLocation(model: AgentModel): Map<string, string> {
  const events = new Map<string, string>();
  for (const flow of model.flows) {
    for (const page of [flow.start, ...flow.pages]) {
      for (const handler of page.eventHandlers) events.set(handler.location.path, handler.event);
      for (const parameter of page.form) for (const handler of parameter.repromptHandlers) events.set(handler.location.path, handler.event);
    }
  }
  return events;
}
