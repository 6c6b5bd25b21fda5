import type { Dialect } from '../base/dialect.js';
import type { JsonObject } from '../generated/types.js';
import { field } from '../base/json-object.js';
import type { AgentModel, CallSite } from './agent-model.js';
import { selectWebhooks } from './select-webhooks.js';

/** A request as sent by a fixture turn or the test client. */
export interface SentRequest {
  readonly dialect: Dialect;
  readonly request: JsonObject;
  /** Where it came from, for the list of turns that reach no call site: `fixtures/cx/order.json turn 2`. */
  readonly label?: string;
}

/** One call site and how many turns reached it. */
export interface SiteCoverage {
  readonly site: CallSite;
  readonly turns: number;
}

/** Which webhook call sites of the agent the requests exercise. */
export interface CoverageReport {
  readonly dialect: Dialect;
  readonly sites: readonly SiteCoverage[];
  readonly covered: number;
  readonly total: number;
  /** 0–100, one decimal; 100 when the agent calls no served webhook. */
  readonly percent: number;
  /** Requests of the agent's dialect that reach no call site, and why. */
  readonly unmatched: readonly string[];
}

const PAGE = /\/flows\/([^/]+)\/pages\/([^/]+)$/;

/**
 * Coverage of the served webhooks' call sites by requests: a CX site is covered by a request
 * with its tag from one of the pages it fires on (`pageInfo.currentPage`: same flow and page
 * ids), an ES site by a request for its intent.
 */
export function agentCoverage(agent: AgentModel, requests: readonly SentRequest[], options: { webhooks?: readonly string[] } = {}): CoverageReport {
  const { sites } = selectWebhooks(agent, options.webhooks);
  const turns = new Map<CallSite, number>(sites.map((site) => [site, 0]));
  const unmatched: string[] = [];
  for (const sent of requests.filter((r) => r.dialect === agent.dialect)) {
    const { hits, why } = agent.dialect === 'cx' ? cxHits(sites, sent.request) : esHits(sites, sent.request);
    for (const site of hits) turns.set(site, turns.get(site)! + 1);
    if (hits.length === 0) unmatched.push(`${sent.label ?? 'a request'}: ${why}`);
  }
  const covered = sites.filter((site) => turns.get(site)! > 0).length;
  const percent = sites.length === 0 ? 100 : Math.floor((covered / sites.length) * 1000) / 10;
  return { dialect: agent.dialect, sites: sites.map((site) => ({ site, turns: turns.get(site)! })), covered, total: sites.length, percent, unmatched };
}

function cxHits(sites: readonly CallSite[], request: JsonObject): { hits: CallSite[]; why: string } {
  const tag = stringAt(request, 'fulfillmentInfo', 'tag');
  const page = PAGE.exec(stringAt(request, 'pageInfo', 'currentPage') ?? '');
  if (page === null) return { hits: [], why: `the tag "${tag ?? ''}" without pageInfo.currentPage: which page called cannot be told` };
  const [, flowId, pageId] = page;
  const hits = sites.filter((site) => (site.tag ?? '') === (tag ?? '') && site.pages.some((ref) => ref.flowId === flowId && ref.pageId === pageId));
  return { hits, why: `no call site of a served webhook with the tag "${tag ?? ''}" fires on the page ${flowId}/${pageId}` };
}

function esHits(sites: readonly CallSite[], request: JsonObject): { hits: CallSite[]; why: string } {
  const intent = stringAt(request, 'queryResult', 'intent', 'displayName');
  return { hits: sites.filter((site) => site.intent === intent), why: `the intent "${intent ?? ''}" does not call a served webhook` };
}

function stringAt(value: JsonObject, ...path: string[]): string | undefined {
  const found = field(value, ...path);
  return typeof found === 'string' ? found : undefined;
}
