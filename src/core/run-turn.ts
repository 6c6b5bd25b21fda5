import { DeadlineExceededError, FulfillerError, HandlerError, InvalidResponseError, ResponseTooLargeError } from '../errors.js';
import type { Jobs } from '../jobs/jobs.js';
import { errorFields } from '../logging/log-format.js';
import { hasLoneSurrogate } from '../schema/lone-surrogate.js';
import { validateSchema } from '../schema/validate.js';
import type { Turn } from '../turn/turn.js';
import type { TurnContext } from '../turn/turn-context.js';
import { createTurn } from './create-turn.js';
import { withDeadline } from './deadline.js';
import type { ResolvedOptions } from './options.js';
import type { Outcome } from './exchange.js';
import type { Route, RouteKind } from './router.js';
import type { SystemMessages } from './system-messages.js';
import type { Dialect } from '../base/dialect.js';

/** Handles an error thrown by a handler; it may answer on the fresh turn it is given. */
export type ErrorHandler = (error: unknown, turn: Turn) => unknown;

/** What running a turn needs from the app. */
export interface TurnEngine {
  readonly options: ResolvedOptions;
  readonly jobs: Jobs;
  readonly errorHandler: ErrorHandler | undefined;
  messagesFor(languageCode: string): SystemMessages;
  findRoute(turn: Turn): Route<Turn> | undefined;
  /** Middleware, then the route's handlers (or the fallback). */
  run(turn: Turn, route: Route<Turn> | undefined): Promise<void>;
}

/** The outcome of a turn: the serialised WebhookResponse and what produced it. */
export interface TurnResult {
  body: string;
  outcome: Exclude<Outcome, 'refused'>;
  route: { kind: RouteKind; key: string } | undefined;
  /** The code of the error behind an apology or a timeout. */
  errorCode?: string;
}

type Answer = Omit<TurnResult, 'route'>;

/**
 * Runs one turn within its time budget and returns a response Dialogflow accepts, whatever the
 * handlers did: their answer, the timeout message, the apology after an error, or (production)
 * a safe fallback for a response that failed validation.
 */
export async function runTurn(engine: TurnEngine, dialect: Dialect, request: object, base: Omit<TurnContext, 'signal' | 'jobs'>): Promise<TurnResult> {
  const context = new RunContext(base, engine.jobs);
  const turn = createTurn(dialect, request, context, engine.options.es);
  const route = engine.findRoute(turn);
  const deadlineMs = route?.options.deadlineMs ?? engine.options.deadlineMs;
  const { log } = context;
  const matched = route === undefined ? undefined : { kind: route.kind, key: turn[route.kind] ?? '' };

  let outcome: 'done' | 'timeout';
  try {
    outcome = await withDeadline(engine.run(turn, route), deadlineMs, engine.options.clock, (error) =>
      log.warn({ err: errorFields(error) }, 'a handler failed after its deadline; its answer had already been sent'),
    );
  } catch (error) {
    turn.seal();
    context.abort(error);
    return withRoute(await answerError(engine, dialect, request, context, error), matched);
  }
  turn.seal();
  if (outcome === 'timeout') {
    context.abort(new DeadlineExceededError(deadlineMs));
    log.warn({ deadlineMs, tag: turn.tag, intent: turn.intent }, 'deadline exceeded: answered with the timeout message');
    const body = systemAnswer(engine, dialect, request, context, 'timeout');
    return { body, outcome: 'timeout', route: matched, errorCode: 'ERR_DEADLINE_EXCEEDED' };
  }
  if (!turn.hasOutput) {
    log.warn({ tag: turn.tag, intent: turn.intent }, 'the handler finished without saying or changing anything: did it forget to await a promise?');
  }
  return withRoute(finish(engine, dialect, request, context, turn, route === undefined ? 'fallback' : 'handled'), matched);
}

/**
 * An answer and the route it came from, built field by field: with `{ ...answer, route }` here,
 * each call's objects survived young-generation collections under load and were promoted
 * (measured; docs/performance.md, third round).
 */
function withRoute(answer: Answer, route: TurnResult['route']): TurnResult {
  return { body: answer.body, outcome: answer.outcome, route, errorCode: answer.errorCode };
}

async function answerError(
  engine: TurnEngine,
  dialect: Dialect,
  request: object,
  context: TurnContext,
  error: unknown,
): Promise<Answer> {
  if (isResponseMistake(error)) return invalidResponse(engine, dialect, request, context, error);
  const failure = error instanceof FulfillerError ? error : new HandlerError(error);
  context.log.error({ err: errorFields(error), code: failure.code }, 'a handler failed: answered with the apology');
  if (engine.errorHandler !== undefined) {
    const turn = createTurn(dialect, request, context, engine.options.es);
    try {
      await engine.errorHandler(error, turn);
      turn.seal();
      if (turn.hasOutput) {
        const answer = finish(engine, dialect, request, context, turn, 'error');
        return { body: answer.body, outcome: answer.outcome, errorCode: failure.code };
      }
    } catch (nested) {
      context.log.error({ err: errorFields(nested) }, 'the onError handler failed too');
    }
  }
  return { body: systemAnswer(engine, dialect, request, context, 'apology'), outcome: 'error', errorCode: failure.code };
}

/**
 * A turn's context. Its AbortController is made when a handler first reads `signal`: most never
 * do, and one is not free. A class, not an object literal with a getter (a new function on every
 * call): with the literal, each call's objects survived young-generation collections under load
 * and were promoted (measured; docs/performance.md, third round).
 */
class RunContext implements TurnContext {
  readonly requestId: string;
  readonly log: TurnContext['log'];
  readonly headers: TurnContext['headers'];
  readonly caller: TurnContext['caller'];
  private controller: AbortController | undefined;

  constructor(
    base: Omit<TurnContext, 'signal' | 'jobs'>,
    readonly jobs: TurnContext['jobs'],
  ) {
    this.requestId = base.requestId;
    this.log = base.log;
    this.headers = base.headers;
    this.caller = base.caller;
  }

  get signal(): AbortSignal {
    this.controller ??= new AbortController();
    return this.controller.signal;
  }

  /** Aborts the signal, if a handler ever asked for it. */
  abort(reason: unknown): void {
    this.controller?.abort(reason);
  }
}

/** Serialises a finished turn, checking the schema and the size limit. */
function finish(
  engine: TurnEngine,
  dialect: Dialect,
  request: object,
  context: TurnContext,
  turn: Turn,
  outcome: TurnResult['outcome'],
): Answer {
  try {
    return { body: check(engine, dialect, turn.toResponse()), outcome };
  } catch (error) {
    if (!isResponseMistake(error)) throw error;
    return invalidResponse(engine, dialect, request, context, error);
  }
}

/** Development and tests: throw, naming the field. Production: log and send the apology. */
function invalidResponse(
  engine: TurnEngine,
  dialect: Dialect,
  request: object,
  context: TurnContext,
  error: FulfillerError,
): Answer {
  if (engine.options.mode !== 'production') throw error;
  context.log.error({ code: error.code, path: error.path, err: errorFields(error) }, 'the handler built an invalid response: sent the apology instead');
  return { body: systemAnswer(engine, dialect, request, context, 'apology'), outcome: 'invalid-response', errorCode: error.code };
}

/** One of the library's own answers (fallback, apology, timeout) in the request's language. */
export function systemAnswer(
  engine: TurnEngine,
  dialect: Dialect,
  request: object,
  context: TurnContext,
  kind: keyof SystemMessages,
): string {
  const turn = createTurn(dialect, request, context, engine.options.es);
  turn.say(engine.messagesFor(turn.languageCode)[kind]);
  return check(engine, dialect, turn.toResponse());
}

function check(engine: TurnEngine, dialect: Dialect, response: object): string {
  const result = validateSchema(dialect, 'response', response);
  if (!result.ok) {
    const issue = result.issues[0]!;
    throw new InvalidResponseError(issue.message, issue.path);
  }
  const body = JSON.stringify(response);
  if (hasLoneSurrogate(body)) {
    throw new InvalidResponseError('contains text cut inside an emoji (an unpaired UTF-16 surrogate), which Dialogflow refuses', '');
  }
  const limit = engine.options.responseLimit;
  // UTF-8 takes at most 3 bytes per UTF-16 unit: most answers need no counting.
  if (body.length * 3 > limit) {
    const size = Buffer.byteLength(body);
    if (size > limit) throw new ResponseTooLargeError(size, limit);
  }
  return body;
}

function isResponseMistake(error: unknown): error is FulfillerError {
  return error instanceof InvalidResponseError || error instanceof ResponseTooLargeError;
}

