import type { AgentModel } from '../agent/agent-model.js';
import { didYouMean } from '../agent/did-you-mean.js';
import { findFlow, intentExists, pageExists } from '../agent/agent-lookup.js';
import type { JsonObject } from '../generated/types.js';
import type { Mismatch } from './check-expectation.js';
import { field } from '../base/json-object.js';
import type { Reply } from './reply.js';

const PAGE = /(?:^|\/)flows\/([^/]+)\/pages\/([^/]+)$/;
const FLOW = /(?:^|\/)flows\/([^/]+)$/;

/**
 * A turn held against the agent it is for: its tag and intent exist there, the transition the
 * answer makes goes to a flow and page the agent has, and (CX) the session parameters it writes
 * are ones the agent knows. Each problem is a mismatch of the turn, so the fixture fails.
 */
export function checkAgainstAgent(agent: AgentModel, request: JsonObject | undefined, reply: Reply | undefined): Mismatch[] {
  if (request === undefined || reply === undefined || reply.dialect !== agent.dialect) return [];
  const found: Mismatch[] = [];
  const problem = (what: string, actual: unknown, note: string): void => void found.push({ what: `agent: ${what}`, expected: undefined, actual, note });
  const intent = text(agent.dialect === 'cx' ? field(request, 'intentInfo', 'displayName') : field(request, 'queryResult', 'intent', 'displayName'));
  if (intent !== undefined && !intentExists(agent, intent)) {
    const names = agent.intents.map((i) => i.displayName);
    problem('intent', intent, `the agent has no such intent${didYouMean(intent, names)}`);
  }
  if (agent.dialect === 'cx') {
    const tag = text(field(request, 'fulfillmentInfo', 'tag'));
    const tags = [...new Set(agent.callSites.flatMap((site) => (site.tag === undefined ? [] : [site.tag])))];
    if (tag !== undefined && !tags.includes(tag)) problem('tag', tag, `no fulfillment of the agent has this tag${didYouMean(tag, tags)}`);
    found.push(...targets(agent, reply));
    for (const [name, value] of Object.entries(reply.params)) {
      if (value !== null && !agent.parameters.includes(name))
        problem(`params.${name}`, value, `the answer writes a parameter the agent never reads or collects${didYouMean(name, agent.parameters)}`);
    }
  }
  return found;
}

function targets(agent: AgentModel, reply: Reply): Mismatch[] {
  const found: Mismatch[] = [];
  const page = reply.targetPage === undefined ? null : (PAGE.exec(reply.targetPage) ?? [reply.targetPage, undefined, reply.targetPage]);
  if (page !== null) {
    const [, flowId, pageId] = page;
    const flow = flowId === undefined ? undefined : agent.flows.find((f) => f.id === flowId);
    if (flowId !== undefined && flow === undefined)
      found.push({ what: 'agent: targetPage', expected: undefined, actual: reply.targetPage, note: `the agent has no flow with the id ${flowId}` });
    else if (flow !== undefined && !pageExists(flow, pageId!) && !flow.pages.some((p) => p.id === pageId)) {
      found.push({
        what: 'agent: targetPage',
        expected: undefined,
        actual: reply.targetPage,
        note: `the flow "${flow.displayName}" has no page with the id ${pageId}`,
      });
    } else if (flow === undefined && !agent.flows.some((f) => pageExists(f, pageId!) || f.pages.some((p) => p.id === pageId))) {
      found.push({ what: 'agent: targetPage', expected: undefined, actual: reply.targetPage, note: `no flow of the agent has a page with the id ${pageId}` });
    }
  }
  if (reply.targetFlow !== undefined) {
    const flowId = FLOW.exec(reply.targetFlow)?.[1] ?? reply.targetFlow;
    if (!agent.flows.some((f) => f.id === flowId) && findFlow(agent, reply.targetFlow) === undefined) {
      found.push({ what: 'agent: targetFlow', expected: undefined, actual: reply.targetFlow, note: `the agent has no flow with the id ${flowId}` });
    }
  }
  return found;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
