/**
 * One typed model of a Dialogflow agent export, CX or ES, as the lint, the type generator and
 * coverage read it. It holds names, structure and where each thing is in the export, never a
 * credential: webhook URLs lose their query string and user info when read, and only the names
 * of request headers are kept.
 */
import type { Dialect } from '../base/dialect.js';

/** Where something is: the file in the export (as named there) and the path designers see. */
export interface AgentLocation {
  /** The file inside the export, relative to the agent's root: `flows/Default Start Flow/pages/Enter Location.json`. */
  readonly file: string;
  /** The display path: `Default Start Flow › Enter Location › route 2`. */
  readonly path: string;
}

/** A fulfillment (CX), reduced to what reaches the webhook. */
export interface AgentFulfillment {
  /** The webhook's display name, when it calls one. */
  readonly webhook: string | undefined;
  readonly tag: string | undefined;
  /** Session parameters its parameter presets write (`$flow.` and `$page.` ones are left out). */
  readonly setsParameters: readonly string[];
}

/** A CX transition route (of a flow, page or route group). */
export interface AgentRoute {
  /** 1-based, as the console lists them. */
  readonly index: number;
  readonly intent: string | undefined;
  readonly condition: string | undefined;
  readonly fulfillment: AgentFulfillment | undefined;
  readonly targetPage: string | undefined;
  readonly targetFlow: string | undefined;
  readonly location: AgentLocation;
}

/** A CX event handler (of a flow, page or form parameter). */
export interface AgentEventHandler {
  readonly event: string;
  readonly fulfillment: AgentFulfillment | undefined;
  readonly targetPage: string | undefined;
  readonly targetFlow: string | undefined;
  readonly location: AgentLocation;
}

/** A CX form parameter. */
export interface AgentFormParameter {
  readonly displayName: string;
  /** `@sys.number`, `@order-status`… */
  readonly entityType: string | undefined;
  readonly isList: boolean;
  readonly required: boolean;
  readonly initialPrompt: AgentFulfillment | undefined;
  readonly repromptHandlers: readonly AgentEventHandler[];
  readonly location: AgentLocation;
}

/** A CX page. The flow's own routes and handlers belong to its start page. */
export interface AgentPage {
  /** The id Dialogflow uses on the wire (`pageInfo.currentPage` ends with it). */
  readonly id: string;
  readonly displayName: string;
  readonly entry: AgentFulfillment | undefined;
  readonly form: readonly AgentFormParameter[];
  readonly routes: readonly AgentRoute[];
  readonly eventHandlers: readonly AgentEventHandler[];
  /** The fulfillment of its data store (knowledge connector) answers. */
  readonly dataStore: AgentFulfillment | undefined;
  /** Display names of the route groups it uses. */
  readonly routeGroups: readonly string[];
  readonly location: AgentLocation;
}

/** A CX transition route group, of a flow or of the whole agent. */
export interface AgentRouteGroup {
  readonly id: string;
  readonly displayName: string;
  readonly routes: readonly AgentRoute[];
  readonly location: AgentLocation;
}

/** A CX flow. */
export interface AgentFlow {
  readonly id: string;
  readonly displayName: string;
  /** The flow's own routes, handlers and route groups: its start page. */
  readonly start: AgentPage;
  readonly pages: readonly AgentPage[];
  readonly routeGroups: readonly AgentRouteGroup[];
  readonly location: AgentLocation;
}

/** A parameter an intent extracts. */
export interface AgentIntentParameter {
  /** CX: the parameter id; ES: the parameter name. */
  readonly name: string;
  readonly entityType: string | undefined;
  readonly isList: boolean;
  /** ES: the intent's slot filling asks for it. */
  readonly required: boolean;
}

/** An intent, CX or ES. */
export interface AgentIntent {
  readonly id: string;
  readonly displayName: string;
  readonly parameters: readonly AgentIntentParameter[];
  /** Number of training phrases per language code. */
  readonly trainingPhrases: Readonly<Record<string, number>>;
  /** ES: the action, the events that trigger it, and whether it calls the webhook. */
  readonly action: string | undefined;
  readonly events: readonly string[];
  readonly webhookUsed: boolean;
  readonly webhookForSlotFilling: boolean;
  readonly isFallback: boolean;
  readonly location: AgentLocation;
}

/** A custom entity type and its values. */
export interface AgentEntityType {
  readonly id: string;
  readonly displayName: string;
  /** `map` (values with synonyms), `list` (composite: values are patterns of other entities) or `regexp`. */
  readonly kind: 'map' | 'list' | 'regexp';
  /** Reference values, every language together, without duplicates. */
  readonly values: readonly string[];
  /** Values outside the list may be extracted (automated expansion, fuzzy matching). */
  readonly open: boolean;
  readonly location: AgentLocation;
}

/** What credentials the agent sends with a webhook call; never their values. */
export interface WebhookAuth {
  /** A username and password (Basic), in the export or in Secret Manager. */
  readonly basic: boolean;
  /** Names of the request headers it adds (values and Secret Manager ones alike), lower case. */
  readonly headers: readonly string[];
  /** CX service agent auth: a Google ID token or access token from the Dialogflow service agent. */
  readonly serviceAgent: 'id-token' | 'access-token' | undefined;
  /** An OAuth client-credentials token from a third-party token endpoint. */
  readonly oauth: boolean;
  /** CX: custom CA certificates the agent trusts for the webhook's server certificate. */
  readonly customCa: boolean;
}

/** A webhook of the agent. ES agents have one, named `webhook`. */
export interface AgentWebhook {
  readonly id: string;
  readonly displayName: string;
  /** `flexible` webhooks send a request body of the designer's making, not a WebhookRequest. */
  readonly kind: 'standard' | 'flexible';
  /** Reached through Service Directory (a private network). */
  readonly serviceDirectory: boolean;
  /** The URL without query string or user info: those may hold secrets. */
  readonly url: string | undefined;
  /** The URL is a Google API (`*.googleapis.com`): the agent calls it directly, not our app. */
  readonly googleApi: boolean;
  /** How long the agent waits for an answer, in ms. */
  readonly timeoutMs: number;
  readonly disabled: boolean;
  readonly auth: WebhookAuth;
  /** A flexible webhook's request: its method, body template and where parameters come from in the answer. */
  readonly flexible?: FlexibleRequest | undefined;
  readonly location: AgentLocation;
}

/** What a CX flexible webhook sends and reads back. */
export interface FlexibleRequest {
  /** `POST` unless the webhook says otherwise. */
  readonly method: string;
  /** The JSON body template, with `$session.params.x`-style references. */
  readonly requestBody: string | undefined;
  /** Parameter (`$session.params.x`, `$flow.x`) → the JSONPath of its value in the answer. */
  readonly parameterMapping: Readonly<Record<string, string>>;
}

/** A playbook tool of a CX agent (`tools/<name>/<name>.json`) that calls an API described by OpenAPI. */
export interface AgentTool {
  readonly id: string;
  readonly displayName: string;
  /** The OpenAPI document stored in the tool (`openApiSpec.textSchema`, YAML or JSON); undefined for other kinds of tool. */
  readonly openApiText: string | undefined;
  /** The first server URL of that document, without query string or user info. */
  readonly serverUrl: string | undefined;
  readonly location: AgentLocation;
}

/** Where a webhook call starts. */
export type CallSiteKind = 'entry' | 'route' | 'event' | 'form-parameter' | 'reprompt' | 'data-store' | 'intent';

/** A CX page a call site can fire on, by the ids the wire carries and the names designers see. */
export interface PageRef {
  readonly flowId: string;
  /** `START_PAGE` for the flow's own routes and handlers. */
  readonly pageId: string;
  readonly flow: string;
  readonly page: string;
}

/**
 * One place in the agent that calls a webhook. CX: a fulfillment with a webhook, and the pages on
 * which it can fire (one for a page's own; every page of the flow for the flow's own routes and
 * handlers; the pages that use a route group). ES: an intent with the webhook on.
 */
export interface CallSite {
  readonly webhook: string;
  readonly kind: CallSiteKind;
  /** CX: the fulfillment tag, when it has one. */
  readonly tag: string | undefined;
  /** CX: the route's intent, if it has one; ES: the intent. */
  readonly intent: string | undefined;
  /** ES: the intent's action. */
  readonly action: string | undefined;
  /** ES: the webhook is called for slot filling (and, if `webhookUsed`, when the intent matches). */
  readonly slotFilling: boolean;
  readonly pages: readonly PageRef[];
  readonly location: AgentLocation;
}

/** A whole agent. */
export interface AgentModel {
  readonly dialect: Dialect;
  /** The export as given (a .zip or a folder). */
  readonly source: string;
  readonly displayName: string | undefined;
  readonly defaultLanguage: string;
  /** Every language the agent supports, the default first. */
  readonly languages: readonly string[];
  readonly flows: readonly AgentFlow[];
  /** CX route groups of the whole agent (flow ones are in their flow). */
  readonly routeGroups: readonly AgentRouteGroup[];
  readonly intents: readonly AgentIntent[];
  readonly entityTypes: readonly AgentEntityType[];
  readonly webhooks: readonly AgentWebhook[];
  /** CX playbook tools (OpenAPI ones have their document). */
  readonly tools: readonly AgentTool[];
  readonly callSites: readonly CallSite[];
  /** Session parameters the agent knows: form and intent parameters, presets, and every `$session.params.X` it reads. */
  readonly parameters: readonly string[];
  /** Events the agent handles or that trigger intents. */
  readonly events: readonly string[];
  /** CX: the client certificate the agent presents to webhooks (mutual TLS), as PEM; not its key. */
  readonly clientCertificate: string | undefined;
  /** Files of the export the model does not describe (test cases, generators, playbooks…), by top folder. */
  readonly otherFiles: Readonly<Record<string, number>>;
}
