import { asCoded } from '../base/as-coded.js';
import type { Caller } from '../auth/verifier.js';
import type { Dialect } from '../base/dialect.js';
import { createTurn } from '../dialects/create-turn.js';
import type { Turn } from '../dialects/turn.js';
import { InvalidResponseError, OutputOnlyFieldError, ResponseTooLargeError, type FulfillerError } from '../errors.js';
import { findUnrepresentable } from '../base/representable.js';
import type { Headers } from '../http/headers.js';
import type { Jobs } from '../jobs/jobs.js';
import { errorFields } from '../logging/log-format.js';
import type { Logger } from '../logging/logger.js';
import { hasLoneSurrogate } from '../schema/lone-surrogate.js';
import { validateSchema } from '../schema/validate.js';
import { withoutOutputOnlyFields } from '../schema/without-output-only-fields.js';
import type { TurnContext } from '../turn/turn-context.js';
import type { Outcome } from '../telemetry/exchange.js';
import type { ResolvedOptions } from './options.js';
import type { RouteKind } from '../base/app-types.js';
import type { SystemMessages } from './system-messages.js';

/** How a turn ended, and its serialised WebhookResponse. */
export interface TurnResult {
  body: string;
  outcome: Exclude<Outcome, 'refused'>;
  route: { kind: RouteKind; key: string } | undefined;
  /** The code of the error behind an apology or a timeout. */
  errorCode?: string;
}

/** What every call of one app shares: its settings, jobs and messages. */
export interface CallSettings {
  readonly options: ResolvedOptions;
  readonly jobs: Jobs;
  messagesFor(languageCode: string): SystemMessages;
}

/**
 * One webhook call that passed its checks: the dialect and request, parsed once, with what its
 * turns share (request id, headers, caller, logger, the abort signal). Every way a call can end
 * is a method here: the handlers' answer, the timeout message, the apology, the safe answer for
 * an invalid response.
 */
export class WebhookCall implements TurnContext {
  /** The route that answers, once it is known: its kind and the key that matched. */
  route: TurnResult['route'];
  private controller: AbortController | undefined;

  constructor(
    private readonly settings: CallSettings,
    readonly dialect: Dialect,
    readonly request: Record<string, unknown>,
    readonly requestId: string,
    readonly headers: Headers,
    /** The call's logger; bound to the session once the first turn has read it. */
    public log: Logger,
    readonly caller: Caller | undefined,
  ) {}

  get jobs(): Jobs {
    return this.settings.jobs;
  }

  /**
   * Aborted when the time budget runs out. Made when a handler first asks for it: most never
   * do, and an AbortController is not free (docs/performance.md, third round).
   */
  get signal(): AbortSignal {
    this.controller ??= new AbortController();
    return this.controller.signal;
  }

  /** Aborts the signal, if a handler ever asked for it. */
  abort(reason: unknown): void {
    this.controller?.abort(reason);
  }

  /** A new turn over this call's request. */
  newTurn(): Turn {
    return createTurn(this.dialect, this.request, this, this.settings.options);
  }

  /**
   * What the handlers did on `turn`, serialised. An answer that breaks the schema or the size
   * limit becomes the invalid-response answer (production) or is thrown (development and tests).
   */
  answered(turn: Turn, outcome: TurnResult['outcome'], errorCode?: string): TurnResult {
    try {
      return this.result(this.serialize(turn), outcome, errorCode);
    } catch (error) {
      if (!isResponseMistake(error)) throw error;
      return this.invalidResponse(error);
    }
  }

  /** Development and tests: throw, naming the field. Production: log and send the apology. */
  invalidResponse(error: FulfillerError): TurnResult {
    if (this.settings.options.mode !== 'production') throw error;
    this.log.error({ code: error.code, path: error.path, err: errorFields(error) }, 'the handler built an invalid response: sent the apology instead');
    return this.system('apology', 'invalid-response', error.code);
  }

  /** One of the library's own answers (fallback, apology, timeout) in the request's language, on `turn` or a fresh one. */
  system(kind: keyof SystemMessages, outcome: TurnResult['outcome'], errorCode?: string, turn: Turn = this.newTurn()): TurnResult {
    turn.say(this.settings.messagesFor(turn.languageCode)[kind]);
    return this.result(this.serialize(turn), outcome, errorCode);
  }

  /**
   * The turn's WebhookResponse as JSON text, checked against the schema and Dialogflow's limits.
   * Built field by field, not by spreading: with spreads, each call's objects survived
   * young-generation collections under load and were promoted (docs/performance.md, third round).
   */
  private result(body: string, outcome: TurnResult['outcome'], errorCode: string | undefined): TurnResult {
    return { body, outcome, route: this.route, errorCode };
  }

  /**
   * The response, checked against the schema. A field Dialogflow ignores in an answer (output
   * only: CX `endInteraction`…) is refused in development and tests, naming it and what to do
   * instead; in production it is dropped with a warning and the rest is sent, since Dialogflow
   * would have accepted the answer and ignored the field.
   */
  private checked(response: object): object {
    const version = this.settings.options.schemaVersions[this.dialect];
    const checked = validateSchema(this.dialect, 'response', response, version);
    if (checked.ok) return response;
    const issue = checked.issues[0]!;
    if (issue.kind !== 'output-only') throw new InvalidResponseError(issue.message, issue.path);
    if (this.settings.options.mode !== 'production') throw new OutputOnlyFieldError(issue.message, issue.path);
    const stripped = withoutOutputOnlyFields(this.dialect, response, version);
    this.log.warn({ removed: stripped.removed }, 'the response set fields Dialogflow ignores (output only): they were dropped, the rest was sent');
    const again = validateSchema(this.dialect, 'response', stripped.response, version);
    if (!again.ok) throw new InvalidResponseError(again.issues[0]!.message, again.issues[0]!.path);
    return stripped.response;
  }

  private serialize(turn: Turn): string {
    const response = turn.toResponse();
    let body: string;
    try {
      body = JSON.stringify(this.checked(response));
    } catch (error) {
      if (isResponseMistake(error)) throw error;
      // A value changed after the builders checked it (a cycle, a BigInt, nesting that exhausts the stack): found only now, at no cost to valid answers.
      const found = findUnrepresentable(response, '') ?? { path: '', problem: 'could not be serialised as JSON' };
      throw new InvalidResponseError(found.problem, found.path);
    }
    if (hasLoneSurrogate(body)) {
      throw new InvalidResponseError('contains text cut inside an emoji (an unpaired UTF-16 surrogate), which Dialogflow refuses', '');
    }
    const limit = this.settings.options.responseLimit;
    // UTF-8 takes at most 3 bytes per UTF-16 unit: most answers need no counting.
    if (body.length * 3 > limit) {
      const size = Buffer.byteLength(body);
      if (size > limit) throw new ResponseTooLargeError(size, limit);
    }
    return body;
  }
}

/** An error in the answer a handler built (not in the handler's own work). */
export function isResponseMistake(error: unknown): error is FulfillerError {
  const coded = asCoded(error);
  return coded instanceof InvalidResponseError || coded instanceof ResponseTooLargeError || coded instanceof OutputOnlyFieldError;
}
