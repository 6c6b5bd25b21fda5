/**
 * The agent as the playground needs to see it: CX flows with their pages and transitions, and
 * every place that calls the webhook; ES intents that call it. Small on purpose: the agent
 * export reader (src/agent/) has the whole model, and one conversion turns that model into
 * this (load-agent-view.ts), so the playground never depends on the reader's internals.
 */

/** A place in the agent that calls the webhook. */
export interface AgentCallSite {
  /** Unique within the agent, stable between reads: `flow/page/route-2`, `intent:order.status`. */
  id: string;
  /** Where it is, for people: `Order Status › route "order.status"`. */
  location: string;
  /** CX: the flow and page it belongs to (ids); a flow-level route or handler has no page. */
  flow?: string;
  page?: string;
  /** CX: the fulfillment tag sent with the call. */
  tag?: string;
  /** The intent that leads to the call (ES: the intent that calls the webhook). */
  intent?: string;
  /** ES: the intent's action. */
  action?: string;
  /** CX: the event of an event handler. */
  event?: string;
  /** The app has a route for it (what `fulfiller lint` says). Left out: the playground asks the app's routes. */
  handled?: boolean;
}

/** A CX page: a node of the flow's picture. */
export interface AgentPage {
  id: string;
  name: string;
}

/** A transition between two pages of a flow (or out of it): an edge of the picture. */
export interface AgentTransition {
  /** Page ids; a flow's start is the page `START_PAGE`. Another flow or END_SESSION are pages too. */
  from: string;
  to: string;
  /** The condition or intent that takes it: `intent order.status`, `$session.params.id != null`. */
  label: string;
  /** The call site of the route that makes this transition, if it calls the webhook. */
  callSite?: string;
}

/** A CX flow. */
export interface AgentFlow {
  id: string;
  name: string;
  pages: AgentPage[];
  transitions: AgentTransition[];
}

/** The agent, as one picture per flow (CX) or a list of webhook intents (ES). */
export interface AgentView {
  dialect: 'cx' | 'es';
  /** The agent's display name. */
  name: string;
  /** CX only. */
  flows: AgentFlow[];
  /** Every webhook call site: CX pages' and routes' fulfillments, ES intents with the webhook on. */
  callSites: AgentCallSite[];
  /** Event names the agent uses, for the form's choices. */
  events: string[];
}
