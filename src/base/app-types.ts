import type { JsonObject, JsonValue } from '../generated/types.js';

/**
 * What the compiler may know about the agent an app serves, as `fulfiller types` generates it
 * from an export: `createFulfiller<Agent>()`. Every member is optional; an app without it
 * (`createFulfiller()`) takes any name, as before. The API versions leave room for the beta
 * versions of each dialect.
 */
export interface AppTypes {
  /** The agent's CX fulfillment tags. */
  tag?: string;
  /** Intent display names. */
  intent?: string;
  /** ES actions. */
  action?: string;
  /** Events. */
  event?: string;
  /** CX flow display names. */
  flow?: string;
  /** CX page display names, by the display name of their flow. */
  page?: Readonly<Record<string, string>>;
  /** Parameter names and the types of their values. */
  params?: Readonly<Record<string, JsonValue>>;
  /** The CX API version the app speaks. Default `v3`. With `v3beta1`, CX turns take the v3beta1 message types. */
  cx?: 'v3' | 'v3beta1';
  /** The ES API version the app speaks. Default `v2`. With `v2beta1`, ES turns take the v2beta1 messages (telephony) and have `liveAgentHandoff()` and `endInteraction()`. */
  es?: 'v2' | 'v2beta1';
  /** The shape of the request payload the agent's integrations send (`turn.queryPayload`): CX `payload`, ES `originalDetectIntentRequest.payload`. */
  payload?: JsonObject;
}

/**
 * The ids behind an agent's display names, as `fulfiller types` generates them next to the
 * types (`export const agent = { flows, pages }`): with it (`createFulfiller<Agent>({ agent })`),
 * `turn.transition({ page: 'Order Status' })` sends the page's id.
 */
export interface AgentMap {
  /** Flow display name → flow id. */
  readonly flows: Readonly<Record<string, string>>;
  /** Flow display name → page display name → page id (or a special page such as `END_SESSION`). */
  readonly pages: Readonly<Record<string, Readonly<Record<string, string>>>>;
}
/** True when the app is typed as speaking the ES beta version (`{ es: 'v2beta1' }`), not merely allowed to. */
export type IsEsBeta<T extends AppTypes> = [T['es']] extends ['v2beta1'] ? true : false;
/** True when the app is typed as speaking the CX beta version (`{ cx: 'v3beta1' }`). */
export type IsCxBeta<T extends AppTypes> = [T['cx']] extends ['v3beta1'] ? true : false;

/**
 * The option `apiVersion` an app of type `T` must be created with: an app typed as speaking a
 * beta version must say so at run time too (its answers are checked against that version), and
 * an app typed for the GA version cannot be created for a beta one. An untyped app takes either.
 */
export type ApiVersionOf<T extends AppTypes> = VersionSlot<T['cx'], 'cx', 'v3', 'v3beta1'> & VersionSlot<T['es'], 'es', 'v2', 'v2beta1'>;
type VersionSlot<V, K extends string, GA extends string, Beta extends string> = [V] extends [Beta]
  ? { [key in K]: Beta }
  : [V] extends [GA | undefined]
    ? { [key in K]?: GA }
    : { [key in K]?: GA | Beta };

/** What the phone gateway and other integrations put in the request payload, when the app says nothing more precise. */
export type QueryPayload = JsonObject & { telephony?: { caller_id?: string } };
/** The request payload's type: the app's `payload`, else `QueryPayload`. */
export type PayloadOf<T extends AppTypes> = [T['payload']] extends [JsonObject] ? NonNullable<T['payload']> : QueryPayload;

/** Which request key a route is matched against: the CX tag, the intent display name, the ES action. */
export type RouteKind = 'tag' | 'intent' | 'action';

/** Any parameter name, any JSON value: an app that knows nothing of its agent. */
export type AnyParams = Readonly<Record<string, JsonValue>>;

/** The names of one kind the app knows, or any string. Not distributive: a union stays a union. */
type Names<V> = [V] extends [string] ? ([string] extends [V] ? string : V) : string;

export type TagOf<T extends AppTypes> = Names<T['tag']>;
export type IntentOf<T extends AppTypes> = Names<T['intent']>;
export type ActionOf<T extends AppTypes> = Names<T['action']>;
export type EventOf<T extends AppTypes> = Names<T['event']>;
export type FlowOf<T extends AppTypes> = Names<T['flow']>;
export type ParamsOf<T extends AppTypes> = [T['params']] extends [AnyParams] ? NonNullable<T['params']> : AnyParams;

/** Pages every flow has, and the ids Dialogflow gives special targets. */
export type SpecialPage =
  | 'START_PAGE'
  | 'END_FLOW'
  | 'END_SESSION'
  | 'PREVIOUS_PAGE'
  | 'CURRENT_PAGE'
  | 'END_FLOW_WITH_CANCELLATION'
  | 'END_FLOW_WITH_FAILURE'
  | 'END_FLOW_WITH_HUMAN_ESCALATION';

/** A full resource name, which needs no map: `projects/…/flows/…/pages/…`. */
export type ResourceName = `projects/${string}`;

type PagesOf<T extends AppTypes> = NonNullable<T['page']>;

/**
 * Where `turn.transition()` may go. Untyped: any page id or name, of the current flow or of a
 * named one, or a flow. Typed: the agent's page and flow display names (checked by the compiler),
 * the special pages, and full resource names.
 */
export type TargetOf<T extends AppTypes> = [T['page']] extends [Readonly<Record<string, string>>]
  ?
      | { page: PagesOf<T>[keyof PagesOf<T>] | SpecialPage | ResourceName; flow?: undefined }
      | { [F in keyof PagesOf<T> & string]: { flow: F; page?: PagesOf<T>[F] | SpecialPage } }[keyof PagesOf<T> & string]
      | { flow: ResourceName; page?: undefined }
  : { page: string; flow?: string } | { flow: string; page?: undefined };
