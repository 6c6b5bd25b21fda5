/**
 * One turn of a handler written for dialogflow-fulfillment that is mounted in an app
 * (`compat(app, handler)`): the handler gets an Express-like request and response made for the
 * turn, and the WebhookClient it builds on them answers on the turn itself; the app's own
 * adapter (auth, deadline, metrics, logs, recording) serves the call.
 */
import { CompatResponseError, type EsTurn, type EsWebhookRequest, type Fulfiller } from '../../index.js';
import type { RunnableCall } from './compat-call.js';

// Marks the request and response of a mounted turn: a property, not a WeakMap, whose entries
// cost every garbage collection (profiled with bench/apps/legacy-order-status-app.js).
const MOUNTED = Symbol('mounted dialogflow-fulfillment call');

/** The mounted turn a request or response belongs to, if it is one of ours. */
export function mountedCallOf(request: object, response: object): MountedCall | undefined {
  if (request instanceof MountedRequest) return request[MOUNTED];
  return response instanceof MountedResponse ? response[MOUNTED] : undefined;
}

/** The request a mounted handler gets: the ES request as Express would have parsed it. */
export class MountedRequest {
  readonly method = 'POST';
  readonly url = '/';
  readonly [MOUNTED]: MountedCall;
  private copied: Record<string, string> | undefined;

  constructor(
    call: MountedCall,
    readonly body: EsWebhookRequest,
    private readonly source: Readonly<Record<string, string | undefined>>,
  ) {
    this[MOUNTED] = call;
  }

  /** The headers, lower-case names (copied when first read). */
  get headers(): Readonly<Record<string, string>> {
    this.copied ??= { ...this.source } as Record<string, string>;
    return this.copied;
  }

  get(name: string): string | undefined {
    return this.source[name.toLowerCase()];
  }

  header(name: string): string | undefined {
    return this.get(name);
  }
}

/** The response a mounted handler gets. Its WebhookClient answers; writing to it directly fails the turn. */
export class MountedResponse {
  statusCode = 200;
  readonly headersSent = false;
  readonly locals: Record<string, unknown> = {};
  readonly [MOUNTED]: MountedCall;

  constructor(call: MountedCall) {
    this[MOUNTED] = call;
  }

  status(code: number): this {
    this.statusCode = code;
    return this;
  }
  set(_name: string, _value?: string): this {
    return this;
  }
  setHeader(_name: string, _value: string): this {
    return this;
  }
  json(_body?: unknown): this {
    return this.written('json');
  }
  send(_body?: unknown): this {
    return this.written('send');
  }
  sendStatus(_code: number): this {
    return this.written('sendStatus');
  }
  end(_body?: unknown): this {
    return this.written('end');
  }

  private written(method: string): this {
    this[MOUNTED].answeredAround(method);
    return this;
  }
}

export class MountedCall {
  readonly request: MountedRequest;
  readonly response: MountedResponse;
  private settled = false;
  private resolve!: () => void;
  private reject!: (error: unknown) => void;
  private readonly done = new Promise<void>((resolve, reject) => {
    this.resolve = resolve;
    this.reject = reject;
  });

  constructor(
    private readonly app: Fulfiller,
    private readonly turn: EsTurn,
  ) {
    this.request = new MountedRequest(this, turn.request, turn.headers);
    this.response = new MountedResponse(this);
  }

  /** What handleRequest() does for a client made on this turn. Never rejects: a failure fails the turn (the apology). */
  async answerWith(call: RunnableCall): Promise<void> {
    try {
      if (call.handles(this.turn.intent)) {
        await call.run(this.turn);
      } else {
        this.turn.log.warn(
          { intent: this.turn.intent },
          'the dialogflow-fulfillment intent map has no handler for this intent: answered with the fallback message',
        );
        this.turn.say(this.app.messagesFor(this.turn.languageCode).fallback);
      }
      this.finish();
    } catch (error) {
      this.finish(error);
    }
  }

  /** Settles when the turn is answered; fails when the handler (or the promise it returned) fails. */
  finished(returned: unknown): Promise<void> {
    if (typeof (returned as PromiseLike<unknown> | undefined)?.then === 'function') {
      (returned as PromiseLike<unknown>).then(undefined, (error: unknown) => this.finish(error));
    }
    return this.done;
  }

  /** The handler wrote to the response itself. */
  answeredAround(method: string): void {
    if (this.settled) {
      this.turn.log.warn({ method }, `response.${method}() was called after the turn was answered; the call is ignored`);
    } else {
      this.finish(new CompatResponseError(method));
    }
  }

  private finish(error?: unknown): void {
    if (this.settled) return;
    this.settled = true;
    if (error === undefined) this.resolve();
    else this.reject(error);
  }
}
