/**
 * dialogflow-fulfillment's `WebhookClient` on our core. `new WebhookClient({ request, response })`
 * reads the ES v2 request as the old library did; `agent.handleRequest(handler)` has our pipeline
 * answer the call (app.handle(): schema checks, the fallback, the apology, the deadline, logs),
 * with the handler run on the pipeline's ES turn. Mounted with `compat(app, handler)`, the same
 * code runs inside the app's own adapter instead (mounted-call.ts).
 */
import { detectDialect, InvalidResponseError, CompatDialectError, InvalidArgumentError, ActionsOnGoogleShutDownError } from '../../index.js';
import type { EsWebhookRequest, FulfillerError, Fulfiller, JsonObject } from '../../index.js';
import { CompatCall } from './compat-call.js';
import { consoleMessagesOf } from './console-messages.js';
import { Contexts, type LegacyContext } from './contexts.js';
import { mountedCallOf } from './mounted-call.js';
import { PLATFORMS } from './platforms.js';
import { contextEntries, readRequest, type ContextEntry } from './request-fields.js';
import type { RichResponse } from './rich-response.js';
import { answerStandalone, type LegacyRequest, type LegacyResponse } from './standalone.js';

export interface WebhookClientOptions {
  /** The Express (or Cloud Functions) request, its body parsed. */
  request: LegacyRequest;
  /** The Express (or Cloud Functions) response the answer is written to. */
  response: LegacyResponse;
  /** The app whose pipeline answers (its mode, logger, auth, messages). Default: one `createFulfiller()` shared by every call. */
  app?: Fulfiller;
}

/** A handler written for dialogflow-fulfillment. */
export type IntentHandler = (agent: WebhookClient) => unknown;
/** What `agent.handleRequest()` takes: one handler for every intent, or handlers by intent name (`null`: any other). */
export type RequestHandler = IntentHandler | Map<string | null, IntentHandler>;

/** A response, or several, as `agent.add()` takes them. */
export type Responses = string | RichResponse | readonly (string | RichResponse)[];

export class WebhookClient {
  readonly request_: LegacyRequest;
  readonly response_: LegacyResponse;
  /** 2 for an ES v2 request; null for anything else (answered with a 400 by handleRequest()). */
  agentVersion: 2 | null = null;
  intent: string | null = null;
  action: string | null = null;
  /** The matched intent's parameters (`queryResult.parameters`). */
  parameters: JsonObject = {};
  /** The request's contexts: `get(name)`, `set(name, lifespan, parameters)`, `delete(name)`. */
  context: Contexts;
  /** The integration (FACEBOOK, SLACK, ACTIONS_ON_GOOGLE …), another source as sent, or null. */
  requestSource: string | null = null;
  originalRequest: EsWebhookRequest['originalDetectIntentRequest'] = undefined;
  query: string | null = null;
  locale: string | null = null;
  session: string | null = null;
  alternativeQueryResults: unknown = null;

  // The platform names, as the old library had them on each client (here on the prototype, below).
  declare readonly UNSPECIFIED: typeof PLATFORMS.UNSPECIFIED;
  declare readonly FACEBOOK: typeof PLATFORMS.FACEBOOK;
  declare readonly SLACK: typeof PLATFORMS.SLACK;
  declare readonly TELEGRAM: typeof PLATFORMS.TELEGRAM;
  declare readonly KIK: typeof PLATFORMS.KIK;
  declare readonly SKYPE: typeof PLATFORMS.SKYPE;
  declare readonly LINE: typeof PLATFORMS.LINE;
  declare readonly VIBER: typeof PLATFORMS.VIBER;
  declare readonly ACTIONS_ON_GOOGLE: typeof PLATFORMS.ACTIONS_ON_GOOGLE;

  private readonly call: CompatCall<WebhookClient>;
  private readonly refusal: FulfillerError | undefined;
  private readonly app: Fulfiller | undefined;
  private console: RichResponse[] | undefined;
  private list: ContextEntry[] | undefined;
  /** The request, when it is an ES one. */
  private es: EsWebhookRequest | undefined;

  constructor(options: WebhookClientOptions) {
    if (typeof options !== 'object' || options === null || !options.request || !options.response) {
      throw new InvalidArgumentError('new WebhookClient({ request, response }) needs the request and the response of the call.');
    }
    this.request_ = options.request;
    this.response_ = options.response;
    this.app = options.app;
    const body = bodyOf(options.request);
    const dialect = dialectOf(body);
    if (dialect === 'cx') this.refusal = new CompatDialectError();
    this.es = dialect === 'es' ? (body as EsWebhookRequest) : undefined;
    this.context = this.es !== undefined ? this.read(this.es) : new Contexts([]);
    // Without a body parser in front, the fields are read from the request the app parsed.
    this.call = new CompatCall<WebhookClient>(this, (request) => {
      if (this.es !== undefined) return;
      this.es = request;
      this.context = this.read(request);
    });
  }

  /**
   * The intent's console messages, as responses to send again: `agent.add(agent.consoleMessages)`.
   * Made when first read: most handlers never do (profiled with bench/contenders/compat-express.cjs).
   */
  get consoleMessages(): RichResponse[] {
    this.console ??= consoleMessagesOf(this.es?.queryResult?.fulfillmentMessages ?? []);
    return this.console;
  }
  set consoleMessages(messages: RichResponse[]) {
    this.console = messages;
  }

  /** @deprecated the request's contexts as a list: read `agent.context` */
  get contexts(): ContextEntry[] {
    this.list ??= contextEntries(this.es);
    return this.list;
  }
  set contexts(contexts: ContextEntry[]) {
    this.list = contexts;
  }

  /** The request's fields; a malformed one leaves them unset (handleRequest() answers with the pipeline's 400). */
  private read(request: EsWebhookRequest): Contexts {
    try {
      const context = new Contexts(request.queryResult?.outputContexts);
      Object.assign(this, { agentVersion: 2 }, readRequest(request));
      return context;
    } catch {
      return new Contexts([]);
    }
  }

  /** Adds a response, or several: strings, Text, Card, Image, Suggestion, Payload. */
  add(responses: Responses): void {
    for (const response of Array.isArray(responses) ? responses : [responses]) this.call.add(response);
  }

  /** Adds the responses; see the migration guide for what ending a conversation means in ES v2. */
  end(responses: Responses): void {
    this.call.end(responses);
  }

  /**
   * Runs the handler (one function, or a Map from intent names to functions, `null` for any
   * other intent) and answers the call. Never rejects: a failure is answered (the apology) and logged.
   */
  handleRequest(handler: RequestHandler): Promise<void> {
    this.call.handler = handler;
    const mounted = mountedCallOf(this.request_, this.response_);
    if (mounted !== undefined) return mounted.answerWith(this.call);
    const unread = this.es === undefined && this.refusal === undefined;
    return answerStandalone({ app: this.app, call: this.call, request: this.request_, response: this.response_, refusal: this.refusal, unread });
  }

  /** @deprecated use `agent.context.set()` */
  setContext(context: string | LegacyContext): this {
    this.context.set(context);
    return this;
  }

  /** @deprecated takes every context out of the answer (it does not end active ones: `agent.context.delete()` does) */
  clearOutgoingContexts(): this {
    for (const context of this.context) this.context._removeOutgoingContext(context.name);
    return this;
  }

  /** @deprecated takes a context out of the answer (it does not end an active one: `agent.context.delete()` does) */
  clearContext(name: string): this {
    this.context._removeOutgoingContext(name);
    return this;
  }

  /** @deprecated use `agent.context.get()` */
  getContext(name: string): { name: string; lifespan: number | undefined; parameters: JsonObject | undefined } | null {
    const context = this.context.get(name);
    return context === undefined ? null : { name, lifespan: context.lifespan, parameters: context.parameters };
  }

  /** Triggers another intent by event: a name, or `{ name, parameters }`. */
  setFollowupEvent(event: string | { name: string; parameters?: JsonObject; languageCode?: string }): void {
    const named = typeof event === 'string' ? { name: event } : event;
    if (typeof named !== 'object' || named === null || typeof named.name !== 'string' || named.name === '') {
      throw new InvalidResponseError('setFollowupEvent() takes an event name or { name, parameters }', 'followupEventInput');
    }
    this.call.setFollowupEvent(named.name, named.parameters);
  }

  /** Actions on Google is gone: this throws ERR_ACTIONS_ON_GOOGLE, saying what to do instead. */
  conv(): never {
    throw new ActionsOnGoogleShutDownError();
  }
}

/** The request body as JSON: what a body parser made of it, or the raw bytes parsed here. */
function bodyOf(request: LegacyRequest): Record<string, unknown> | undefined {
  const { body, rawBody } = request;
  if (isObject(body)) return body;
  const raw = typeof body === 'string' || Buffer.isBuffer(body) ? body : Buffer.isBuffer(rawBody) ? rawBody : undefined;
  if (raw === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw.toString());
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined; // handleRequest() answers with the pipeline's 400
  }
}

function dialectOf(body: Record<string, unknown> | undefined): 'cx' | 'es' | undefined {
  if (body === undefined) return undefined;
  try {
    return detectDialect(body);
  } catch {
    return undefined; // neither: handleRequest() answers with the pipeline's 400, naming ES v1 if it is that
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}

// A property of the prototype, not of each client (one client per call).
Object.assign(WebhookClient.prototype, PLATFORMS);
