import type { AgentView } from './agent-view.js';
import type { AppRoute } from './app-routes.js';
import type { Choices } from './view.js';

const CX_EVENTS = ['sys.no-match-default', 'sys.no-input-default', 'sys.invalid-parameter'];
const ES_EVENTS = ['WELCOME'];

/**
 * What the form offers for tags, intents, actions, events, flows and pages: the agent's own
 * when an agent is given, else the routes the app registered (exact strings only).
 */
export function choicesFrom(agent: AgentView | undefined, routes: readonly AppRoute[]): Choices {
  if (agent !== undefined) {
    const sites = agent.callSites;
    return {
      source: 'agent',
      tags: unique(sites.map((s) => s.tag)),
      intents: unique(sites.map((s) => s.intent)),
      actions: unique(sites.map((s) => s.action)),
      events: {
        cx: unique([...(agent.dialect === 'cx' ? agent.events : []), ...sites.map((s) => s.event), ...CX_EVENTS]),
        es: unique([...(agent.dialect === 'es' ? agent.events : []), ...ES_EVENTS]),
      },
      flows: agent.flows.map((flow) => ({ id: flow.id, name: flow.name, pages: flow.pages.map((p) => ({ id: p.id, name: p.name })) })),
    };
  }
  const of = (kind: AppRoute['kind']): string[] => unique(routes.filter((r) => r.kind === kind).map((r) => r.match));
  return {
    source: routes.length > 0 ? 'app' : 'none',
    tags: of('tag'),
    intents: of('intent'),
    actions: of('action'),
    events: { cx: CX_EVENTS, es: ES_EVENTS },
    flows: [],
  };
}

function unique(values: readonly (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== undefined && v !== ''))];
}
