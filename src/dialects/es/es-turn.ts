import type {
  EsContext,
  EsEventInput,
  EsIntentMessage,
  EsIntentMessagePlatform,
  EsSessionEntityType,
  EsSessionEntityTypeEntityOverrideMode,
  EsWebhookRequest,
  EsWebhookResponse,
  JsonObject,
  JsonValue,
} from '../../generated/types.js';
import type { ActionOf, AppTypes, IntentOf, IsEsBeta, ParamsOf, PayloadOf } from '../../base/app-types.js';
import type { EsV2beta1IntentMessage, EsV2beta1KnowledgeAnswersAnswer, EsV2beta1WebhookRequest } from '../../generated/beta-types.js';
import { checkFields, checkObject, checkString, kindOf } from '../../base/check-argument.js';
import { InvalidArgumentError } from '../../errors.js';
import { toEsPlatformMessage } from './platform-messages.js';
import type { RichItem } from '../../responses/rich.js';
import { checkRepresentable } from '../../base/representable.js';
import { BaseTurn } from '../../turn/base-turn.js';
import { Params } from '../../turn/params.js';
import type { TurnContext } from '../../turn/turn-context.js';
import { contextId, EsContexts, toWire } from './contexts.js';
import * as es from './messages.js';

/** The ES context that carries session parameters, unless the app says otherwise (`es.sessionContext`). */
export const DEFAULT_SESSION_CONTEXT = 'fulfiller_session';

/** ES settings that shape every turn. */
export interface EsTurnOptions {
  /** Id of the context that carries session parameters between turns. */
  sessionContext: string;
  /** Lifespan (in turns) the session context is renewed with on every answer. */
  sessionLifespan: number;
  /** Default platform for the neutral rich messages (chips, card, image, link). */
  platform?: EsIntentMessagePlatform;
}

/** The messages an ES turn takes: with `{ es: 'v2beta1' }`, the v2beta1 ones (telephony play audio, synthesize speech, transfer call…). */
export type EsMessageOf<T extends AppTypes> = IsEsBeta<T> extends true ? EsV2beta1IntentMessage : EsIntentMessage;

/** What a turn of an app typed for ES v2 lacks to call a v2beta1-only method: a compile error that says what to do. */
type EsBetaOnly<T extends AppTypes> =
  IsEsBeta<T> extends true ? unknown : { 'needs an app that speaks ES v2beta1: createFulfiller({ apiVersion: { es: "v2beta1" } })': never };

/** A Dialogflow ES webhook call. */
export class EsTurn<T extends AppTypes = AppTypes> extends BaseTurn<EsWebhookRequest, EsWebhookResponse, es.PlatformOption, T> {
  readonly platform = 'es' as const;
  readonly params: Params<ParamsOf<T>>;
  /** The session's contexts: read, set with a lifespan, delete (lifespan 0). */
  readonly contexts: EsContexts;

  private readonly messages: EsIntentMessage[] = [];
  private readonly texts: string[] = [];
  private readonly entityTypes: EsSessionEntityType[] = [];
  private readonly sessionContext: EsContext | undefined;
  private followup: EsEventInput | undefined;
  private responsePayload: JsonObject | undefined;
  private handoff = false;
  private ending = false;

  constructor(
    request: EsWebhookRequest,
    context: TurnContext,
    private readonly options: EsTurnOptions,
  ) {
    super(request, context);
    const incoming = request.queryResult?.outputContexts ?? [];
    this.sessionContext = incoming.find((c) => contextId(c.name ?? '') === options.sessionContext);
    this.contexts = new EsContexts(this.session, incoming, options.sessionContext, (method) => this.writable(method));
    const session = this.sessionContext;
    this.params = new Params<ParamsOf<T>>(() => [
      request.queryResult?.parameters,
      session?.parameters,
      ...incoming.filter((c) => c !== session).map((c) => c.parameters),
    ]);
  }

  get tag(): undefined {
    return undefined;
  }
  get intent(): IntentOf<T> | undefined {
    return (this.request.queryResult?.intent?.displayName || undefined) as IntentOf<T> | undefined;
  }
  get action(): ActionOf<T> | undefined {
    return (this.request.queryResult?.action || undefined) as ActionOf<T> | undefined;
  }
  get text(): string | undefined {
    return this.request.queryResult?.queryText || undefined;
  }
  get event(): undefined {
    return undefined;
  }
  get languageCode(): string {
    return this.request.queryResult?.languageCode || 'en';
  }
  get session(): string {
    return this.request.session ?? '';
  }
  get queryPayload(): PayloadOf<T> | undefined {
    return this.request.originalDetectIntentRequest?.payload as PayloadOf<T> | undefined;
  }
  get sentiment(): { score: number; magnitude: number } | undefined {
    const sentiment = this.request.queryResult?.sentimentAnalysisResult?.queryTextSentiment;
    return sentiment === undefined ? undefined : { score: Number(sentiment.score ?? 0), magnitude: Number(sentiment.magnitude ?? 0) };
  }
  /**
   * The Knowledge Connector's answers to the query, best first (ES v2beta1 requests carry them in
   * `queryResult.knowledgeAnswers`); empty when there are none.
   */
  get knowledgeAnswers(): readonly EsV2beta1KnowledgeAnswersAnswer[] {
    return (this.request as EsV2beta1WebhookRequest).queryResult?.knowledgeAnswers?.answers ?? [];
  }
  /** Where the request came from: `google`, `facebook`, `slack`... (originalDetectIntentRequest.source). */
  get source(): string | undefined {
    return this.request.originalDetectIntentRequest?.source || undefined;
  }

  /** Adds any ES Intent.Message (see the `es` builders); with `{ es: 'v2beta1' }`, the v2beta1 ones too (`es.telephonyTransferCall()`…). */
  message(message: EsMessageOf<T>): this {
    checkObject(message, 'turn.message() takes an Intent.Message object (see the es builders)');
    checkRepresentable(message, 'message');
    if (this.writable('message')) this.messages.push(message as EsIntentMessage);
    return this;
  }

  /** Asks for a live agent to take over the conversation (v2beta1 `liveAgentHandoff`). */
  liveAgentHandoff(this: EsTurn<T> & EsBetaOnly<T>): EsTurn<T> {
    if (this.writable('liveAgentHandoff')) this.handoff = true;
    return this;
  }

  /** Ends the interaction after this answer (v2beta1 `endInteraction`): the phone gateway hangs up. */
  endInteraction(this: EsTurn<T> & EsBetaOnly<T>): EsTurn<T> {
    if (this.writable('endInteraction')) this.ending = true;
    return this;
  }

  /**
   * Triggers the intent with this event. Dialogflow then ignores the text, messages and payload
   * of this response, so this is the way to chain to another intent.
   */
  followupEvent(name: string, parameters?: Record<string, JsonValue>): this {
    checkString(name, 'turn.followupEvent() takes the event name');
    if (parameters !== undefined) checkObject(parameters, 'turn.followupEvent() takes its parameters as a JSON object');
    if (parameters !== undefined) checkRepresentable(parameters, 'followupEvent.parameters');
    if (this.writable('followupEvent')) {
      this.followup = { name, languageCode: this.languageCode, ...(parameters === undefined ? {} : { parameters }) };
    }
    return this;
  }

  /**
   * Replaces (`OVERRIDE`, the default) or extends (`SUPPLEMENT`) an entity type for the rest of
   * this session, e.g. the user's own order numbers.
   */
  sessionEntity(
    entityType: string,
    entities: readonly { value: string; synonyms?: readonly string[] }[],
    mode: Exclude<EsSessionEntityTypeEntityOverrideMode, 'ENTITY_OVERRIDE_MODE_UNSPECIFIED'> = 'ENTITY_OVERRIDE_MODE_OVERRIDE',
  ): this {
    checkString(entityType, 'turn.sessionEntity() takes the entity type name');
    if (!Array.isArray(entities))
      throw new InvalidArgumentError(`turn.sessionEntity() takes the entities as an array of { value, synonyms? }, not ${kindOf(entities)}.`);
    entities.forEach((entity: unknown, i) => {
      checkFields(entity, `turn.sessionEntity(): item ${i} is { value, synonyms? }`, `turn.sessionEntity(): item ${i}`, ['value']);
      const { synonyms } = entity as { synonyms?: unknown };
      if (synonyms !== undefined && (!Array.isArray(synonyms) || synonyms.some((s) => typeof s !== 'string'))) {
        throw new InvalidArgumentError(`turn.sessionEntity(): item ${i}: synonyms is not an array of strings.`);
      }
    });
    if (this.writable('sessionEntity')) {
      this.entityTypes.push({
        name: `${this.session}/entityTypes/${entityType}`,
        entityOverrideMode: mode,
        entities: entities.map((e) => ({ value: e.value, synonyms: [...(e.synonyms ?? [e.value])] })),
      });
    }
    return this;
  }

  toResponse(): EsWebhookResponse {
    const response: EsWebhookResponse = {};
    if (this.texts.length > 0) response.fulfillmentText = this.texts.join('\n');
    if (this.messages.length > 0) response.fulfillmentMessages = this.messages;
    const outputContexts = [...this.contexts.changes(), ...this.sessionContextOut()];
    if (outputContexts.length > 0) response.outputContexts = outputContexts;
    if (this.followup !== undefined) response.followupEventInput = this.followup;
    if (this.entityTypes.length > 0) response.sessionEntityTypes = this.entityTypes;
    if (this.responsePayload !== undefined) response.payload = this.responsePayload;
    // v2beta1 fields: only an app that speaks v2beta1 can set them (the v2 schema refuses them).
    if (this.handoff) (response as { liveAgentHandoff?: boolean }).liveAgentHandoff = true;
    if (this.ending) (response as { endInteraction?: boolean }).endInteraction = true;
    return response;
  }

  /** The session context, renewed while it holds parameters, deleted when the last one goes. */
  private sessionContextOut(): EsContext[] {
    const changes = this.params.changes();
    if (changes.size === 0 && this.sessionContext === undefined) return [];
    const parameters = new Map(Object.entries(this.sessionContext?.parameters ?? {}));
    for (const [name, value] of changes) {
      if (value === undefined) parameters.delete(name);
      else parameters.set(name, value);
    }
    const id = this.options.sessionContext;
    const lifespanCount = parameters.size === 0 ? 0 : this.options.sessionLifespan;
    return [toWire(this.session, { id, lifespanCount, parameters: Object.fromEntries(parameters) })];
  }

  protected addText(variants: string[], target: es.PlatformOption | undefined): void {
    this.messages.push(es.text(variants, target));
    this.texts.push(variants[0] ?? '');
  }
  protected addRich(item: RichItem, target: es.PlatformOption | undefined): void {
    this.messages.push(toEsPlatformMessage(item, target?.platform ?? this.options.platform));
  }
  protected addPayload(payload: JsonObject, target: es.PlatformOption | undefined): void {
    this.messages.push(es.payload(payload, target));
  }
  protected setWebhookPayload(payload: JsonObject): void {
    this.responsePayload = payload;
  }
}
