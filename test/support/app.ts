import { createFulfiller, createServer, MemoryLogger, type FulfillerOptions, type Fulfiller, type Handler, type Turn, type Verifier } from '../../src/index.js';
import { close, listen } from './http.js';
import { JSON_HEADERS } from './requests.js';

/** A test app: test mode, no environment, logs kept in memory. */
export function testApp(options: FulfillerOptions = {}): { app: Fulfiller; logger: MemoryLogger } {
  const logger = new MemoryLogger();
  return { app: createFulfiller({ mode: 'test', env: {}, logger, ...options }), logger };
}

/** What every turn exposes of its request, whatever the dialect: for the tests of both turns. */
export function neutralGetters(turn: Turn): Record<string, unknown> {
  const { platform, tag, intent, action, text, languageCode, sessionId } = turn;
  return { platform, tag, intent, action, text, languageCode, sessionId };
}

/** Runs one handler on a request, in-process. */
export async function runHandler(handler: Handler, request: object, options: FulfillerOptions = {}) {
  const { app, logger } = testApp(options);
  app.tag(/.*/, handler).intent(/.*/, handler);
  const result = await app.handle(JSON.stringify(request), JSON_HEADERS);
  return { result, logger };
}

/** A test app behind `auth`, served on loopback, with one `hello` route that counts its runs. */
export interface GuardedHello {
  app: Fulfiller;
  /** The webhook's URL. */
  webhook: string;
  /** Runs of the handler since the start or the last `reset()`. */
  readonly calls: number;
  reset(): void;
  close(): Promise<void>;
}

/**
 * Serves a test app with `auth` whose handler (tag and intent `hello`) says `answer(turn)` and
 * counts its runs: what the auth tests check, that nothing unauthenticated reaches a handler.
 */
export async function serveGuardedHello(auth: Verifier, answer: (turn: Turn) => string): Promise<GuardedHello> {
  const { app } = testApp({ auth });
  let calls = 0;
  const hello: Handler = (turn) => {
    calls++;
    turn.say(answer(turn));
  };
  app.tag('hello', hello).intent('hello', hello);
  const server = createServer(app);
  const webhook = `${await listen(server)}/webhook`;
  return {
    app,
    webhook,
    get calls() {
      return calls;
    },
    reset: () => void (calls = 0),
    close: () => close(server),
  };
}
