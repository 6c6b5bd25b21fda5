import { stat } from 'node:fs/promises';
import { loadFixtures } from '../testing/index.js';
import type { AgentCallSite, AgentView } from './agent-view.js';
import type { AppRoute } from './app-routes.js';
import { asMap } from './json-map.js';
import type { AgentPicture, CallSiteView } from './view.js';

/** What the fixtures in a folder send: CX tags, intents (both dialects) and ES actions. */
interface Sent {
  tags: Set<string>;
  intents: Set<string>;
  actions: Set<string>;
}

/**
 * The agent as the page draws it: its flows, and every webhook call site marked handled (the
 * app has a route for it, unless the view says otherwise) and covered (a fixture in the
 * fixtures folder sends it).
 */
export async function agentPicture(view: AgentView, routes: readonly AppRoute[], fixturesDir: string): Promise<AgentPicture> {
  const sent = await sentByFixtures(fixturesDir);
  const callSites: CallSiteView[] = view.callSites.map((site) => ({
    ...site,
    handled: site.handled ?? handles(routes, site),
    covered: covers(sent, site),
  }));
  const byPage = new Map<string, string[]>();
  for (const site of view.callSites) {
    if (site.flow === undefined) continue;
    const key = `${site.flow}/${site.page ?? 'START_PAGE'}`;
    byPage.set(key, [...(byPage.get(key) ?? []), site.id]);
  }
  return {
    dialect: view.dialect,
    name: view.name,
    flows: view.flows.map((flow) => ({
      id: flow.id,
      name: flow.name,
      pages: flow.pages.map((page) => ({ id: page.id, name: page.name, callSites: byPage.get(`${flow.id}/${page.id}`) ?? [] })),
      transitions: flow.transitions.map((t) => ({ from: t.from, to: t.to, label: t.label, ...(t.callSite === undefined ? {} : { callSite: t.callSite }) })),
    })),
    intents: view.dialect === 'es' ? callSites.map((site) => site.id) : [],
    callSites,
  };
}

/** A route that matches the call site: an exact one, or a pattern of the same kind (it may). */
function handles(routes: readonly AppRoute[], site: AgentCallSite): boolean {
  const wants: [AppRoute['kind'], string | undefined][] = [
    ['tag', site.tag],
    ['action', site.action],
    ['intent', site.intent],
  ];
  return wants.some(([kind, value]) => value !== undefined && routes.some((r) => r.kind === kind && (r.match === undefined || r.match === value)));
}

function covers(sent: Sent, site: AgentCallSite): boolean {
  if (site.tag !== undefined) return sent.tags.has(site.tag);
  return (site.action !== undefined && sent.actions.has(site.action)) || (site.intent !== undefined && sent.intents.has(site.intent));
}

async function sentByFixtures(dir: string): Promise<Sent> {
  const sent: Sent = { tags: new Set(), intents: new Set(), actions: new Set() };
  if (
    !(await stat(dir).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  )
    return sent;
  for (const loaded of await loadFixtures([dir])) {
    if (!('fixture' in loaded) || loaded.fixture.kind === 'endpoint') continue;
    for (const { request } of loaded.fixture.turns) {
      const tag = asMap(request.fulfillmentInfo).tag;
      if (typeof tag === 'string') sent.tags.add(tag);
      const result = asMap(request.queryResult);
      const intent = asMap(result.intent).displayName ?? asMap(request.intentInfo).displayName;
      if (typeof intent === 'string') sent.intents.add(intent);
      if (typeof result.action === 'string') sent.actions.add(result.action);
    }
  }
  return sent;
}
