import type { Caller } from '../auth/verifier.js';
import { checkFields, checkObject, checkString, checkTexts, kindOf } from '../base/check-argument.js';
import { InvalidArgumentError } from '../errors.js';
import type { AppTypes, ParamsOf, PayloadOf } from '../base/app-types.js';
import type { JsonObject } from '../generated/types.js';
import { checkRepresentable } from '../base/representable.js';
import type { DeferOptions, JobWork } from '../jobs/jobs.js';
import type { JobState } from '../jobs/job-state.js';
import type { Logger } from '../logging/logger.js';
import type { Card, Chip, Image, Link, RichItem } from '../responses/rich.js';
import type { Params } from './params.js';
import type { Headers } from '../http/headers.js';
import type { TurnContext } from './turn-context.js';

/**
 * One webhook call, seen the same way for CX and ES. Handlers read the request through the
 * neutral getters and answer with `say()` and the rich builders; `turn.platform` narrows to the
 * dialect's own turn for everything else. `Target` is where a message goes: a CX channel or
 * an ES platform. `T` is what the compiler knows of the agent (`createFulfiller<Agent>()`).
 */
export abstract class BaseTurn<Request, Response, Target extends object, T extends AppTypes = AppTypes> {
  /** The typed WebhookRequest as received. */
  readonly request: Request;
  readonly requestId: string;
  private readonly context: TurnContext;
  /** Request headers, lower-case names. */
  readonly headers: Headers;
  /** Who called, as the app's `auth` verified it (`{ scheme: 'google-id-token', id: email }`); undefined without auth. */
  readonly caller: Caller | undefined;
  /** Scratch space for middleware to hand data to handlers. */
  readonly locals: Record<string, unknown> = {};
  /** Session parameters: read through, written as a tracked diff. */
  abstract readonly params: Params<ParamsOf<T>>;

  private sealed = false;
  private outputs = 0;

  constructor(request: Request, context: TurnContext) {
    this.request = request;
    this.requestId = context.requestId;
    this.context = context;
    this.headers = context.headers;
    this.caller = context.caller;
  }

  /** A logger bound to this request (request id, session, dialect). */
  get log(): Logger {
    return this.context.log;
  }

  /** Aborted when the time budget runs out: pass it to fetch() and database calls. */
  get signal(): AbortSignal {
    return this.context.signal;
  }

  abstract readonly platform: 'cx' | 'es';
  /** CX fulfillment tag (undefined on ES). */
  abstract get tag(): string | undefined;
  /** Display name of the matched intent (CX: the last matched intent). */
  abstract get intent(): string | undefined;
  /** ES action (undefined on CX). */
  abstract get action(): string | undefined;
  /** What the user said or typed, when the turn came from text or speech. */
  abstract get text(): string | undefined;
  /** The event that triggered the turn (CX `triggerEvent`), when there is one. */
  abstract get event(): string | undefined;
  /** Language of the conversation, e.g. `en`, `ja`, `en-US`. */
  abstract get languageCode(): string;
  /** The session's full resource name. */
  abstract get session(): string;

  /**
   * The payload the agent's integration added to the request (CX `payload`, ES
   * `originalDetectIntentRequest.payload`), typed by the app's `payload` (`createFulfiller<{ payload: … }>()`).
   */
  abstract get queryPayload(): PayloadOf<T> | undefined;

  /** The sentiment of what the user said, when the agent analyses it: score from -1 (negative) to 1, and magnitude (0 and up). */
  abstract get sentiment(): { score: number; magnitude: number } | undefined;

  /** The caller's phone number (E.164) as the phone gateway gives it in the payload (`telephony.caller_id`); undefined elsewhere or when redacted. */
  get callerId(): string | undefined {
    const telephony = (this.queryPayload as { telephony?: { caller_id?: unknown } } | undefined)?.telephony;
    const id = telephony?.caller_id;
    return typeof id === 'string' && id !== '' ? id : undefined;
  }

  /** The last segment of the session name: stable across the turns of one conversation. */
  get sessionId(): string {
    const name = this.session;
    return name.slice(name.lastIndexOf('/') + 1);
  }

  /** Sends a text message. An array gives variants, of which Dialogflow shows one. */
  say(text: string | readonly string[], target?: Target): this {
    if (typeof text !== 'string') checkTexts(text, 'turn.say()');
    if (target !== undefined) checkTarget(target, 'turn.say()');
    if (this.writable('say')) this.addText(typeof text === 'string' ? [text] : [...text], target);
    return this;
  }

  /** Suggestion chips (CX: Messenger chips; ES: quick replies). */
  chips(chips: readonly (string | Chip)[], target?: Target): this {
    if (!Array.isArray(chips))
      throw new InvalidArgumentError(`turn.chips() takes an array of strings or { text, link?, imageUrl? } objects, not ${kindOf(chips)}.`);
    const items = chips.map((chip: unknown, i) => {
      if (typeof chip === 'string') return { text: chip };
      checkFields(chip, `turn.chips(): item ${i} is a string or { text, link?, imageUrl? }`, `turn.chips(): item ${i}`, ['text'], ['link', 'imageUrl']);
      return chip as unknown as Chip;
    });
    return this.rich({ type: 'chips', chips: items }, target);
  }

  /** An information card. */
  card(card: Card, target?: Target): this {
    checkFields(
      card,
      'turn.card() takes { title, subtitle?, text?, imageUrl?, imageAlt?, buttons? }',
      'turn.card()',
      ['title'],
      ['subtitle', 'text', 'imageUrl', 'imageAlt'],
    );
    const { buttons } = card as { buttons?: unknown };
    if (buttons !== undefined) {
      if (!Array.isArray(buttons)) throw new InvalidArgumentError(`turn.card(): buttons is ${kindOf(buttons)}, not an array.`);
      for (const [i, button] of buttons.entries()) {
        checkFields(button, `turn.card(): buttons[${i}] is { text, link }`, `turn.card(): buttons[${i}]`, ['text', 'link']);
      }
    }
    return this.rich({ type: 'card', card }, target);
  }

  /** A picture. */
  image(image: Image, target?: Target): this {
    checkFields(image, 'turn.image() takes { url, alt }', 'turn.image()', ['url', 'alt']);
    return this.rich({ type: 'image', image }, target);
  }

  /** A link to a web page. */
  link(link: Link, target?: Target): this {
    checkFields(link, 'turn.link() takes { text, url }', 'turn.link()', ['text', 'url']);
    return this.rich({ type: 'link', link }, target);
  }

  /** A custom payload message, passed to the channel as it is. */
  payload(payload: JsonObject, target?: Target): this {
    checkObject(payload, 'turn.payload() takes a JSON object');
    checkRepresentable(payload, 'payload');
    if (target !== undefined) checkTarget(target, 'turn.payload()');
    if (this.writable('payload')) this.addPayload(payload, target);
    return this;
  }

  /** Data for the API caller, not the user (CX `payload` → webhookPayloads; ES `payload`). */
  webhookPayload(payload: JsonObject): this {
    checkObject(payload, 'turn.webhookPayload() takes a JSON object');
    checkRepresentable(payload, 'webhookPayload');
    if (this.writable('webhookPayload')) this.setWebhookPayload(payload);
    return this;
  }

  /**
   * Starts work too slow for one webhook call as this conversation's job `key`, and returns at
   * once so the turn can say "Processing…". The work gets its own signal (never `turn.signal`);
   * a later turn reads the result with `turn.job(key)`, on any instance sharing the store.
   */
  defer<T>(key: string, work: JobWork<T>, options?: DeferOptions): Promise<JobState<T>> {
    checkString(key, 'turn.defer() takes the job key');
    if (typeof work !== 'function') throw new InvalidArgumentError(`turn.defer() takes the work as a function (signal) => Promise, not ${kindOf(work)}.`);
    return this.context.jobs.defer(this, key, work, options);
  }

  /** The state of this conversation's job `key`: running, done with its result, failed, or undefined. */
  job<T = unknown>(key: string): Promise<JobState<T> | undefined> {
    checkString(key, 'turn.job() takes the job key');
    return this.context.jobs.get<T>(this, key);
  }

  /** Whether anything was said or changed on this turn. */
  get hasOutput(): boolean {
    return this.outputs > 0 || this.params.changes().size > 0;
  }

  /** Builds the WebhookResponse for what the handlers did. */
  abstract toResponse(): Response;

  /** Closes the turn: the response is on its way, later writes are dropped with a warning. */
  seal(): void {
    this.sealed = true;
  }

  /**
   * Every write goes through here: it counts the output, and after the response was sent it
   * drops the write and says so, because a late write means an un-awaited promise.
   */
  protected writable(method: string): boolean {
    if (this.sealed) {
      this.log.warn(
        { method },
        `turn.${method}() was called after the response was sent; the call is ignored. Await (or return) every promise in your handler.`,
      );
      return false;
    }
    this.outputs++;
    return true;
  }

  private rich(item: RichItem, target: Target | undefined): this {
    if (target !== undefined) checkTarget(target, `turn.${item.type}()`);
    if (this.writable(item.type)) this.addRich(item, target);
    return this;
  }

  protected abstract addText(variants: string[], target: Target | undefined): void;
  protected abstract addRich(item: RichItem, target: Target | undefined): void;
  protected abstract addPayload(payload: JsonObject, target: Target | undefined): void;
  protected abstract setWebhookPayload(payload: JsonObject): void;
}

/** Where a message goes: `{ channel }` (CX) or `{ platform }` (ES); a bare name is a common slip. */
function checkTarget(target: unknown, method: string): void {
  checkObject(target, `${method} takes where the message goes as an object ({ channel } on CX, { platform } on ES)`);
}
