import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import type { Caller } from '../auth/verifier.js';
import type { Headers } from '../http/headers.js';
import type { Logger } from '../logging/logger.js';

/**
 * The types of `app.endpoint()`: a typed JSON endpoint next to the webhook, for CX flexible
 * webhooks and playbook tools. Request, response, query and path parameters are JSON Schemas;
 * json-schema-to-ts turns the same schema literals into the TypeScript types the handler sees,
 * so the schema that checks a value at run time is the one that types it at compile time, and
 * the one the OpenAPI document shows (no second description of the same shape). It is types
 * only: nothing of it loads at run time.
 */

/** The methods an endpoint may take (Dialogflow's flexible webhooks and OpenAPI tools use these). */
export type EndpointMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * A JSON Schema (draft-07): an object, or `true`/`false`. Written inline in `app.endpoint()` (or
 * declared `as const`), it also types the handler. Kept loose here on purpose: checking a
 * literal against json-schema-to-ts's own schema type while inferring it is what makes the
 * compiler give up ("excessively deep"); the conversion to a type happens once, below.
 */
export type EndpointSchema = boolean | { readonly [keyword: string]: unknown };

/** What `app.endpoint()` is given besides its handler. */
export interface EndpointDefinition<Path extends string = string> {
  method: EndpointMethod;
  /** `/orders/{orderNumber}`: fixed segments and whole-segment `{parameters}`. */
  path: Path;
  /**
   * What the endpoint does, written for whoever decides to call it: the playbook's model reads it
   * in the OpenAPI document (`fulfiller openapi`), so say when to call it and what comes back.
   */
  description: string;
  /** A short title for the OpenAPI operation. Default: none. */
  summary?: string;
  /** The OpenAPI operationId (what a playbook names the action). Default: from the method and path, `getOrdersByOrderNumber`. */
  operationId?: string;
  /** The JSON body's schema. Required for POST, PUT and PATCH; not allowed for GET. */
  request?: EndpointSchema;
  /** The schema of what the handler returns, checked before it is sent. */
  response: EndpointSchema;
  /** The query parameters' schema: an object whose properties are the parameters (strings are converted to the declared types). */
  query?: EndpointSchema;
  /** The path parameters' schema, to convert or constrain them (`{ type: 'integer' }`). Default: each is a non-empty string. */
  params?: EndpointSchema;
  /** The success status. Default 200. */
  status?: number;
  /** This endpoint's time budget, overriding the app's `deadlineMs`. */
  deadlineMs?: number;
}

/** The `{names}` of a path template, as a union: `'orderNumber'` for `/orders/{orderNumber}`. */
export type PathParamNames<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}` ? Name | PathParamNames<Rest> : never;

/**
 * The type a schema literal of `D` describes. While the compiler is still inferring `D` it asks
 * with `D`'s constraint, whose schemas are any schema at all: that answers `unknown` rather than
 * asking json-schema-to-ts for the type of every possible schema (which never ends).
 */
type Typed<D, K extends string> = EndpointDefinition extends D
  ? unknown
  : D extends { readonly [key in K]: infer S }
    ? S extends JSONSchema
      ? FromSchema<S>
      : unknown
    : never;
type Has<D, K extends string> = D extends { readonly [key in K]: EndpointSchema } ? true : false;

/** The body a handler receives: typed from `request`, or undefined without one. */
export type EndpointBody<D> = Has<D, 'request'> extends true ? Typed<D, 'request'> : undefined;
/** What a handler returns: typed from `response`. */
export type EndpointResult<D> = Typed<D, 'response'>;
/** The path parameters: typed from `params`, else a string for each `{name}` of the path. */
export type EndpointParams<D> =
  Has<D, 'params'> extends true
    ? Typed<D, 'params'>
    : D extends { readonly path: infer P extends string }
      ? { readonly [K in PathParamNames<P>]: string }
      : Readonly<Record<string, string>>;
/** The query parameters: typed from `query`, else the raw values (a list when one is repeated). */
export type EndpointQuery<D> = Has<D, 'query'> extends true ? Typed<D, 'query'> : Readonly<Record<string, string | string[]>>;

/** One call of an endpoint, as its handler sees it. */
export interface EndpointCall<Body = unknown, Params = Readonly<Record<string, string>>, Query = Readonly<Record<string, string | string[]>>> {
  /** The JSON body, checked against `request`. */
  readonly body: Body;
  readonly params: Params;
  readonly query: Query;
  /** Request headers, lower-case names. */
  readonly headers: Headers;
  /** Who called, as the app's `auth` verified it (and mutual TLS); undefined without either. */
  readonly caller: Caller | undefined;
  /** A logger bound to this call (request id, endpoint). */
  readonly log: Logger;
  /** Aborted when the time budget runs out: pass it to fetch() and database calls. */
  readonly signal: AbortSignal;
  /** When the time budget runs out, in epoch ms on the app's clock. */
  readonly deadline: number;
  readonly requestId: string;
  readonly method: EndpointMethod;
  /** The request path as received: `/orders/A-1003`. */
  readonly path: string;
}

/** The `call` a handler of definition `D` receives. */
export type EndpointCallOf<D> = EndpointCall<EndpointBody<D>, EndpointParams<D>, EndpointQuery<D>>;

/** An endpoint's handler: returns (or resolves to) what `response` describes, or throws `httpError()`. */
export type EndpointHandler<D = EndpointDefinition> = (call: EndpointCallOf<D>) => EndpointResult<D> | Promise<EndpointResult<D>>;

/**
 * What a handler may return: the response type, read-only all the way down, so that a literal
 * result keeps its literal types (`status: 'shipped'`) and its arrays may be read-only.
 * `app.endpoint()` infers the result with a `const` type parameter checked against this: a
 * result typed from a conditional type (as every json-schema-to-ts type is) would otherwise lose
 * its literals while the compiler is still inferring the definition.
 */
export type EndpointReturn<D> = DeepReadonly<EndpointResult<D>>;

type DeepReadonly<T> = T extends readonly (infer U)[] ? readonly DeepReadonly<U>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

/** A registered endpoint, as tools read it (`fulfiller openapi`, lint): its definition, checked. */
export interface EndpointInfo {
  readonly method: EndpointMethod;
  readonly path: string;
  readonly description: string;
  readonly summary: string | undefined;
  readonly operationId: string;
  readonly request: EndpointSchema | undefined;
  readonly response: EndpointSchema;
  readonly query: EndpointSchema | undefined;
  readonly params: EndpointSchema | undefined;
  /** The path parameters' names, in order. */
  readonly pathParams: readonly string[];
  readonly status: number;
}
