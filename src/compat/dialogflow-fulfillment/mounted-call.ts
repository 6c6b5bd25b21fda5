/**
 * One turn of a handler written for dialogflow-fulfillment that is mounted in an app
 * (`compat(app, handler)`): the handler gets an Express-like request and response made for the
 * turn, and the WebhookClient it builds on them answers on the turn itself; the app's own
 * adapter (auth, deadline, metrics, logs, recording) serves the call.
 */
import { CompatUsageError, type EsTurn, type EsWebhookRequest, type Fulfiller } from '../../index.js';
import type { CompatCall } from './compat-call.js';

const calls = new WeakMap<object, MountedCall>();

/** The mounted turn a request or response belongs to, if it is one of ours. */
export function mountedCallOf(request: object, response: object): MountedCall | undefined {
  return calls.get(request) ?? calls.get(response);
}

/** The request a mounted handler gets: the ES request as Express would have parsed it. */
export interface MountedRequest {
  readonly method: 'POST';
  readonly url: string;
  readonly body: EsWebhookRequest;
  readonly headers: Readonly<Record<string, string>>;
  get(name: string): string | undefined;
  header(name: string): string | undefined;
}

/** The response a mounted handler gets. Its WebhookClient answers; writing to it directly is an error. */
export interface MountedResponse {
  readonly headersSent: boolean;
  statusCode: number;
  readonly locals: Record<string, unknown>;
  status(code: number): MountedResponse;
  set(name: string, value: string): MountedResponse;
  setHeader(name: string, value: string): MountedResponse;
  json(body: unknown): MountedResponse;
  send(body?: unknown): MountedResponse;
  sendStatus(code: number): MountedResponse;
  end(body?: unknown): MountedResponse;
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
    const headers = { ...turn.headers } as Record<string, string>;
    const header = (name: string): string | undefined => headers[name.toLowerCase()];
    this.request = { method: 'POST', url: '/', body: turn.request, headers, get: header, header };
    this.response = this.makeResponse();
    calls.set(this.request, this);
    calls.set(this.response, this);
  }

  /** What handleRequest() does for a client made on this turn. Never rejects: a failure fails the turn (the apology). */
  async answerWith(call: CompatCall): Promise<void> {
    try {
      if (call.handles(this.turn.intent)) {
        await call.run(this.turn);
      } else {
        this.turn.log.warn({ intent: this.turn.intent }, 'the dialogflow-fulfillment intent map has no handler for this intent: answered with the fallback message');
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

  private finish(error?: unknown): void {
    if (this.settled) return;
    this.settled = true;
    if (error === undefined) this.resolve();
    else this.reject(error);
  }

  private makeResponse(): MountedResponse {
    const written = (method: string) => (): MountedResponse => {
      if (this.settled) {
        this.turn.log.warn({ method }, `response.${method}() was called after the turn was answered; the call is ignored`);
      } else {
        this.finish(new CompatUsageError(`The mounted handler answered through response.${method}(): answer through the WebhookClient (agent.add(), agent.handleRequest()), which the app sends.`));
      }
      return response;
    };
    const response: MountedResponse = {
      get headersSent() {
        return false;
      },
      statusCode: 200,
      locals: {},
      status: (code) => {
        response.statusCode = code;
        return response;
      },
      set: () => response,
      setHeader: () => response,
      json: written('json'),
      send: written('send'),
      sendStatus: written('sendStatus'),
      end: written('end'),
    };
    return response;
  }
}
