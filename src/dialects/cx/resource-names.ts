import type { AgentMap, AppTypes, TargetOf } from '../../base/app-types.js';
import { UnresolvedTargetError } from '../../errors.js';
import type { CxWebhookRequest } from '../../generated/types.js';

const AGENT = /^(projects\/[^/]+\/locations\/[^/]+\/agents\/[^/]+)(?:\/|$)/;
const FLOW = /^(projects\/[^/]+\/locations\/[^/]+\/agents\/[^/]+\/flows\/[^/]+)(?:\/|$)/;
const PAGE = /^projects\/[^/]+\/locations\/[^/]+\/agents\/[^/]+\/flows\/[^/]+\/pages\/[^/]+$/;
const ID = /^[^/]+$/;

/** Where a CX turn should go next: a page (of the current or a named flow) or a flow; typed by the agent's names in a typed app. */
export type CxTarget<T extends AppTypes = AppTypes> = TargetOf<T>;

/** The agent name (`projects/P/locations/L/agents/A`) this request belongs to. */
export function agentName(request: CxWebhookRequest): string | undefined {
  for (const name of [request.pageInfo?.currentPage, request.sessionInfo?.session]) {
    const match = name === undefined ? null : AGENT.exec(name);
    if (match !== null) return match[1];
  }
  return undefined;
}

type Target = { page?: string | undefined; flow?: string | undefined };

/**
 * A transition target as the WebhookResponse wants it. Ids (`confirm`, `END_SESSION`) are
 * completed with the agent and flow of the request; full resource names pass through. With the
 * agent's map, display names (`Order Status`, of the current flow or of a named one) become ids.
 */
export function resolveTarget(request: CxWebhookRequest, given: Target, agent?: AgentMap): { targetPage: string } | { targetFlow: string } {
  const target = agent === undefined ? given : toIds(request, given, agent);
  if (target.page === undefined) {
    if (target.flow === undefined) throw new UnresolvedTargetError('transition() needs a page, a flow, or both: transition({ page: "confirm" }).');
    return { targetFlow: resolveFlow(request, target.flow) };
  }
  if (target.page.startsWith('projects/')) {
    if (!PAGE.test(target.page)) throw new UnresolvedTargetError(`"${target.page}" is not a page name (projects/…/agents/…/flows/…/pages/…).`);
    return { targetPage: target.page };
  }
  checkId('page', target.page);
  const flow = target.flow === undefined ? FLOW.exec(request.pageInfo?.currentPage ?? '')?.[1] : resolveFlow(request, target.flow);
  if (flow === undefined) {
    throw new UnresolvedTargetError(
      `Cannot find the current flow for page "${target.page}": the request has no pageInfo.currentPage. Name the flow: transition({ flow, page }).`,
    );
  }
  return { targetPage: `${flow}/pages/${target.page}` };
}

/** Display names to ids, where the map knows them; anything else as given. */
function toIds(request: CxWebhookRequest, target: Target, agent: AgentMap): Target {
  const current = FLOW.exec(request.pageInfo?.currentPage ?? '')?.[1];
  const currentId = current?.slice(current.lastIndexOf('/') + 1);
  const flowName = target.flow ?? Object.keys(agent.flows).find((name) => agent.flows[name] === currentId);
  const pages = flowName !== undefined && Object.hasOwn(agent.pages, flowName) ? agent.pages[flowName] : undefined;
  return {
    flow: target.flow !== undefined && Object.hasOwn(agent.flows, target.flow) ? agent.flows[target.flow] : target.flow,
    page: target.page !== undefined && pages !== undefined && Object.hasOwn(pages, target.page) ? pages[target.page] : target.page,
  };
}

function resolveFlow(request: CxWebhookRequest, flow: string): string {
  if (flow.startsWith('projects/')) {
    if (FLOW.exec(flow)?.[1] !== flow) throw new UnresolvedTargetError(`"${flow}" is not a flow name (projects/…/agents/…/flows/…).`);
    return flow;
  }
  checkId('flow', flow);
  const agent = agentName(request);
  if (agent === undefined) {
    throw new UnresolvedTargetError(`Cannot find the agent for flow "${flow}": the request has no page or session name. Use the full flow name.`);
  }
  return `${agent}/flows/${flow}`;
}

function checkId(kind: string, id: string): void {
  if (!ID.test(id)) throw new UnresolvedTargetError(`"${id}" is not a ${kind} id: give the id alone or the full resource name.`);
}
