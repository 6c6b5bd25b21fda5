/**
 * One call made through dialogflow-fulfillment's API. What the handler says, its contexts and
 * its followup event are kept as the old library kept them until the handler is done, then
 * written onto the ES turn our pipeline runs (turn.say / turn.message, turn.contexts,
 * turn.followupEvent, turn.webhookPayload), so that the core builds, checks and sends the answer.
 * Anything written after that goes straight to the turn, which warns that it came too late.
 */
import { ActionsOnGoogleShutDownError, InvalidArgumentError, type EsTurn, type JsonObject } from '../../index.js';
import type { Contexts, LegacyContext } from './contexts.js';
import { Payload } from './payload.js';
import { PLATFORMS, type Platform } from './platforms.js';
import { renderMessage } from './render-message.js';
import { argumentError, describe, RichResponse } from './rich-response.js';
import { Suggestion } from './suggestion.js';
import { Text } from './text.js';

/** What a call needs of its client (WebhookClient): the request's source and contexts. */
export interface CallAgent {
  readonly requestSource: string | null;
  readonly context: Contexts;
}

/** What the pipeline's routes need of a call. */
export interface RunnableCall {
  handles(intent: string | undefined): boolean;
  run(turn: EsTurn): Promise<void>;
}

/** What `agent.handleRequest()` takes: one handler for every intent, or handlers by intent name (`null`: any other). */
export type HandlerOf<A> = ((agent: A) => unknown) | Map<string | null, (agent: A) => unknown>;

/** The lifespan the old library documented for a context set without one. */
const DEFAULT_LIFESPAN = 5;
let endWarned = false;

export class CompatCall<A extends CallAgent> implements RunnableCall {
  private readonly messages: RichResponse[] = [];
  private followup: { name: string; parameters?: JsonObject } | undefined;
  private ending = false;
  private answered: EsTurn | undefined;
  /** What `handleRequest()` was given. */
  handler: HandlerOf<A> | undefined;

  constructor(
    private readonly agent: A,
    /** Called with the turn's request when the client could not read one (no body parser in front). */
    private readonly adopt: (request: EsTurn['request']) => void,
  ) {}

  /** `agent.requestSource`: a platform, another source as sent, or null. */
  private get source(): string | null {
    return this.agent.requestSource;
  }

  private get contexts(): Contexts {
    return this.agent.context;
  }

  add(response: unknown): void {
    const message = typeof response === 'string' ? new Text(response) : response;
    if (!(message instanceof RichResponse)) throw notAResponse(message);
    if (this.answered !== undefined) {
      renderMessage(this.answered, message, this.sourcePlatform);
      if (message instanceof Payload && this.matches(message)) this.answered.webhookPayload(message.contentFor(this.payloadPlatform));
      return;
    }
    const same = this.messages.find((m) => m.constructor === message.constructor && m.platform === message.platform);
    if (message instanceof Suggestion && same instanceof Suggestion) same.replies.push(message.replies[0]!);
    else if (message instanceof Payload && same !== undefined)
      throw argumentError(`a Payload for ${message.platform ?? PLATFORMS.UNSPECIFIED} was already added`);
    else this.messages.push(message);
  }

  /** Ends the conversation after these responses, as far as Dialogflow ES v2 can: see answer(). */
  end(responses: unknown): void {
    this.ending = true;
    for (const response of Array.isArray(responses) ? responses : [responses]) this.add(response);
  }

  setFollowupEvent(name: string, parameters: JsonObject | undefined): void {
    if (this.answered !== undefined) this.answered.followupEvent(name, parameters);
    else this.followup = { name, ...(parameters === undefined ? {} : { parameters }) };
  }

  /** Whether `handleRequest()` has a handler for this intent (a Map without one: the app's fallback answers). */
  handles(intent: string | undefined): boolean {
    const handler = this.handler;
    return !(handler instanceof Map) || (intent !== undefined && Boolean(handler.get(intent))) || Boolean(handler.get(null));
  }

  /** Runs the handler for the turn's intent, then writes what it did onto the turn. */
  async run(turn: EsTurn): Promise<void> {
    this.adopt(turn.request);
    await this.pick(turn.intent)(this.agent);
    this.answer(turn);
  }

  private pick(intent: string | undefined): (agent: A) => unknown {
    const handler = this.handler;
    const picked = handler instanceof Map ? ((intent === undefined ? undefined : handler.get(intent)) ?? handler.get(null)) : handler;
    if (typeof picked === 'function') return picked;
    throw new InvalidArgumentError(
      `agent.handleRequest() takes a function (agent) => … or a Map from intent names to such functions; it got ${describe(picked)}${handler instanceof Map ? ` for the intent` : ''}.`,
    );
  }

  /** Writes the answer onto the turn as the old library built it (its documented behaviour, and the fixes in the migration guide). */
  private answer(turn: EsTurn): void {
    this.answered = turn;
    this.contexts.closeWith((context) => writeContext(turn, context));
    const source = this.sourcePlatform;
    const messages = this.messages;
    const payload = messages.find((m): m is Payload => m instanceof Payload && this.matches(m));
    const [first] = messages;
    if (messages.length === 1 && first instanceof Text) {
      turn.say(first.ssml || first.text); // the old library's fulfillmentText: every platform shows it
    } else {
      // Actions on Google wanted a simple response first; the old library added an empty one.
      const filler = source === PLATFORMS.ACTIONS_ON_GOOGLE && first !== undefined && !(first instanceof Text) && payload === undefined;
      for (const message of filler ? [new Text(' '), ...messages] : messages) renderMessage(turn, message, source);
    }
    if (payload !== undefined) turn.webhookPayload(payload.contentFor(this.payloadPlatform));
    for (const context of this.contexts.outgoing()) writeContext(turn, context);
    if (this.followup !== undefined) turn.followupEvent(this.followup.name, this.followup.parameters);
    if (this.ending && !endWarned) {
      endWarned = true;
      turn.log.warn(
        {},
        'agent.end(): a Dialogflow ES v2 webhook answer has no field that ends the conversation (dialogflow-fulfillment sent triggerEndOfConversation, which v2 does not know); the responses are sent. Mark the intent "end of conversation" in the Dialogflow console.',
      );
    }
  }

  /** The source, with PLATFORM_UNSPECIFIED read as none. */
  private get sourcePlatform(): string | null {
    return this.source === PLATFORMS.UNSPECIFIED ? null : this.source;
  }

  /** The platform a matching payload is for: the source's (payloads are only for known platforms). */
  private get payloadPlatform(): Platform | undefined {
    return (this.sourcePlatform ?? undefined) as Platform | undefined;
  }

  /** A payload for the request's own platform (or, on a request without one, a payload for none). */
  private matches(payload: Payload): boolean {
    return payload.platform === this.payloadPlatform;
  }
}

function writeContext(turn: EsTurn, context: LegacyContext): void {
  const lifespan = context.lifespan ?? DEFAULT_LIFESPAN;
  if (lifespan === 0) turn.contexts.delete(context.name);
  else turn.contexts.set(context.name, { lifespan, ...(context.parameters === undefined ? {} : { parameters: context.parameters }) });
}

function notAResponse(value: unknown): Error {
  const conversation = typeof value === 'object' && value !== null && typeof (value as { serialize?: unknown }).serialize === 'function';
  if (conversation) return new ActionsOnGoogleShutDownError();
  return argumentError(`agent.add() takes a string, a Text, Card, Image, Suggestion or Payload, or an array of them; not ${describe(value)}`);
}
