import type {
  CxResponseMessage,
  CxWebhookRequest,
  CxWebhookResponse,
  CxWebhookResponseFulfillmentResponseMergeBehavior,
  JsonObject,
  JsonValue,
} from '../../generated/types.js';
import type { AgentMap, AppTypes, EventOf, IntentOf, IsCxBeta, ParamsOf, PayloadOf, TagOf, TargetOf } from '../../base/app-types.js';
import type { CxV3beta1ResponseMessage } from '../../generated/beta-types.js';
import { checkFields, checkObject, checkString } from '../../base/check-argument.js';
import { InvalidArgumentError } from '../../errors.js';
import { toMessengerPayload } from './messenger.js';
import type { RichItem } from '../../responses/rich.js';
import { checkRepresentable } from '../../base/representable.js';
import { BaseTurn } from '../../turn/base-turn.js';
import { Params } from '../../turn/params.js';
import type { TurnContext } from '../../turn/turn-context.js';
import { CxForm } from './form.js';
import * as cx from './messages.js';
import { resolveTarget } from './resource-names.js';

/** The messages a CX turn takes: those of the version the app is typed to speak. */
export type CxMessageOf<T extends AppTypes> = IsCxBeta<T> extends true ? CxV3beta1ResponseMessage : CxResponseMessage;

/** DTMF input: the keys the caller pressed. */
export interface Dtmf {
  /** The digits, without the finish digit. */
  digits: string;
  /** The key that ended the input (`#` or `*`), when the digits end with one. */
  finishDigit: string | undefined;
}

/** A Dialogflow CX webhook call. */
export class CxTurn<T extends AppTypes = AppTypes> extends BaseTurn<CxWebhookRequest, CxWebhookResponse, cx.ChannelOption, T> {
  readonly platform = 'cx' as const;
  readonly params: Params<ParamsOf<T>>;
  /** The current page's form: validate, change or clear its parameters. */
  readonly form: CxForm;

  private readonly messages: CxResponseMessage[] = [];
  private mergeBehavior: CxWebhookResponseFulfillmentResponseMergeBehavior | undefined;
  private target: { targetPage: string } | { targetFlow: string } | undefined;
  private responsePayload: JsonObject | undefined;

  constructor(
    request: CxWebhookRequest,
    context: TurnContext,
    private readonly agent?: AgentMap,
  ) {
    super(request, context);
    const params = new Params(() => [request.sessionInfo?.parameters, intentParameters(request)]);
    this.params = params as Params<ParamsOf<T>>;
    this.form = new CxForm(request, params, (method) => this.writable(method));
  }

  get tag(): TagOf<T> | undefined {
    return (this.request.fulfillmentInfo?.tag || undefined) as TagOf<T> | undefined;
  }
  get intent(): IntentOf<T> | undefined {
    return (this.request.intentInfo?.displayName || undefined) as IntentOf<T> | undefined;
  }
  get action(): undefined {
    return undefined;
  }
  get text(): string | undefined {
    return this.request.text || this.request.transcript || undefined;
  }
  get event(): EventOf<T> | undefined {
    return (this.request.triggerEvent || undefined) as EventOf<T> | undefined;
  }
  get languageCode(): string {
    return this.request.languageCode || this.request.languageInfo?.resolvedLanguageCode || 'en';
  }
  /**
   * The keys the caller pressed (telephony), when the turn came from DTMF input. The request
   * carries one string (`dtmfDigits`); a trailing `#` or `*`, the keys telephony settings use to
   * end input, is given apart as `finishDigit`. The raw string stays in `turn.request.dtmfDigits`.
   */
  get dtmf(): Dtmf | undefined {
    const raw = this.request.dtmfDigits;
    if (raw === undefined || raw === '') return undefined;
    const last = raw.at(-1)!;
    return last === '#' || last === '*' ? { digits: raw.slice(0, -1), finishDigit: last } : { digits: raw, finishDigit: undefined };
  }
  /** The intent the API caller triggered directly (its resource name), when the turn came from one. */
  get triggerIntent(): string | undefined {
    return this.request.triggerIntent || undefined;
  }
  get queryPayload(): PayloadOf<T> | undefined {
    return this.request.payload as PayloadOf<T> | undefined;
  }
  get sentiment(): { score: number; magnitude: number } | undefined {
    const result = this.request.sentimentAnalysisResult;
    return result === undefined ? undefined : { score: Number(result.score ?? 0), magnitude: Number(result.magnitude ?? 0) };
  }
  get session(): string {
    return this.request.sessionInfo?.session ?? '';
  }

  /** Adds any CX ResponseMessage (see the `cx` builders); with `{ cx: 'v3beta1' }`, any v3beta1 message. */
  message(message: CxMessageOf<T>): this {
    checkObject(message, 'turn.message() takes a ResponseMessage object (see the cx builders)');
    checkRepresentable(message, 'message');
    if (this.writable('message')) this.messages.push(message as CxResponseMessage);
    return this;
  }

  /** What voice channels speak instead of the text: SSML (`<speak>…`) or plain text. */
  audio(speech: { ssml: string } | { text: string }, options?: cx.ChannelOption): this {
    checkObject(speech, 'turn.audio() takes { ssml } or { text }');
    if ('ssml' in speech) {
      checkFields(speech, '', 'turn.audio()', ['ssml']);
      return this.message(cx.ssml(speech.ssml, options));
    }
    checkFields(speech, '', 'turn.audio()', ['text']);
    return this.message(cx.audioText(speech.text, options));
  }

  /** Plays an audio clip (telephony). */
  playAudio(audioUri: string): this {
    checkString(audioUri, 'turn.playAudio() takes the audio URI');
    return this.message(cx.playAudio(audioUri));
  }

  /** Transfers the call to an E.164 phone number (telephony). */
  transferCall(phoneNumber: string): this {
    checkString(phoneNumber, 'turn.transferCall() takes the phone number (E.164, like "+15551234567")');
    return this.message(cx.telephonyTransferCall(phoneNumber));
  }

  /** Hands the conversation to a human agent. */
  handoff(metadata?: JsonObject): this {
    if (metadata !== undefined) checkObject(metadata, 'turn.handoff() takes its metadata as a JSON object');
    return this.message(cx.liveAgentHandoff(metadata));
  }

  /** Marks the conversation as successful. */
  success(metadata?: JsonObject): this {
    if (metadata !== undefined) checkObject(metadata, 'turn.success() takes its metadata as a JSON object');
    return this.message(cx.conversationSuccess(metadata));
  }

  /** Renders the knowledge answer as an info card in Dialogflow Messenger. */
  knowledgeInfoCard(): this {
    return this.message(cx.knowledgeInfoCard());
  }

  /** Replace the messages Dialogflow has queued for this turn instead of appending to them. */
  replaceMessages(): this {
    if (this.writable('replaceMessages')) this.mergeBehavior = 'REPLACE';
    return this;
  }

  /**
   * Moves the conversation: `{ page: 'confirm' }` (a page of the current flow),
   * `{ flow: 'returns', page: 'start' }`, `{ flow: 'returns' }`, or full resource names.
   */
  transition(target: TargetOf<T>): this {
    checkObject(target, "turn.transition() takes { page, flow } (for example { page: 'confirm' })");
    const { page, flow } = target as { page?: unknown; flow?: unknown };
    for (const [name, value] of [
      ['page', page],
      ['flow', flow],
    ] as const) {
      if (value !== undefined && typeof value !== 'string') throw new InvalidArgumentError(`turn.transition(): ${name} is not a string.`);
    }
    const resolved = resolveTarget(this.request, target, this.agent);
    if (this.writable('transition')) this.target = resolved;
    return this;
  }

  toResponse(): CxWebhookResponse {
    const response: CxWebhookResponse = {};
    if (this.messages.length > 0 || this.mergeBehavior !== undefined) {
      response.fulfillmentResponse = { messages: this.messages };
      if (this.mergeBehavior !== undefined) response.fulfillmentResponse.mergeBehavior = this.mergeBehavior;
    }
    const parameterInfo = this.form.changes();
    if (parameterInfo.length > 0) response.pageInfo = { formInfo: { parameterInfo } };
    const changes = this.params.changes();
    if (changes.size > 0) {
      // null deletes a parameter in CX; fromEntries keeps a "__proto__" name an own property.
      response.sessionInfo = { parameters: Object.fromEntries([...changes].map(([name, value]) => [name, value ?? null])) };
    }
    if (this.responsePayload !== undefined) response.payload = this.responsePayload;
    if (this.target !== undefined) Object.assign(response, this.target);
    return response;
  }

  protected addText(variants: string[], target: cx.ChannelOption | undefined): void {
    this.messages.push(cx.text(variants, target));
  }
  protected addRich(item: RichItem, target: cx.ChannelOption | undefined): void {
    this.messages.push(cx.payload(toMessengerPayload(item), target));
  }
  protected addPayload(payload: JsonObject, target: cx.ChannelOption | undefined): void {
    this.messages.push(cx.payload(payload, target));
  }
  protected setWebhookPayload(payload: JsonObject): void {
    this.responsePayload = payload;
  }
}

/** Intent parameters by name, resolved values only. */
function intentParameters(request: CxWebhookRequest): Record<string, JsonValue> | undefined {
  const parameters = request.intentInfo?.parameters;
  if (parameters === undefined || parameters === null) return undefined;
  // No prototype: a "__proto__" name is an own property like any other.
  const values = Object.create(null) as Record<string, JsonValue>;
  for (const name of Object.keys(parameters)) {
    const resolved = parameters[name]?.resolvedValue;
    if (resolved !== undefined) values[name] = resolved;
  }
  return values;
}
