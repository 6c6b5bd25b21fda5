/**
 * The process an app runs in under `fulfiller play` (started by app-host.ts with the app
 * module's path). It loads the app as `fulfiller serve` does, answers turns with the log lines
 * each one wrote and the error a handler threw, and replays fixtures on fresh copies of the app.
 */
import { formatWithOptions } from 'node:util';
import { BodyTooLargeError, FulfillerError, InternalError, MemoryLogger, type Fulfiller, type HttpResult, type LogRecord } from '../index.js';
import { appTarget, loadApp } from '../testing/index.js';
import { appRoutes } from './app-routes.js';
import type { FromChild, HostAnswer, ToChild } from './host-protocol.js';
import { runSources, type Connection } from './run-outcome.js';
import { toJsonMap } from './to-json-map.js';
import type { ErrorView, LogLine } from './view.js';

const file = process.argv[2]!;
const records: LogRecord[] = [];
const logger = new MemoryLogger(records);
let inFlight = 0;

const send = (message: FromChild): void => void process.send!(message);

// console.log in a handler is a log line of its turn too.
for (const level of ['debug', 'info', 'warn', 'error'] as const) {
  console[level] = (...args: unknown[]) => records.push({ level, message: formatWithOptions({ colors: false }, ...args), fields: {} });
}
console.log = console.info;

const app = await loadApp(file, { env: process.env, logger }).catch((error: unknown) => {
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  process.send!({ type: 'failed', error: errorView(error) } satisfies FromChild, () => {
    // A syntax error is thrown again, uncaught: only then does Node.js print where it is (file,
    // line, a caret), which the playground reads from this process's stderr.
    if (cause instanceof SyntaxError) throw cause;
    process.exitCode = 1;
    process.disconnect();
  });
  return undefined;
});
if (app !== undefined) {
  send({ type: 'ready', routes: appRoutes(app), sessionContext: app.options.es.sessionContext });
  process.on('message', (message: ToChild) => void answer(app, message));
  process.once('SIGTERM', () => void app.close({ graceMs: 500 }).then(() => process.exit(0)));
}

async function answer(app: Fulfiller, message: ToChild): Promise<void> {
  if (message.type === 'turn') {
    send({ type: 'answer', id: message.id, answer: await turn(app, message.body, message.headers) });
  } else {
    const outcomes = await runSources(message.sources, freshApp, { keepGoing: message.keepGoing });
    send({ type: 'outcomes', id: message.id, outcomes });
  }
}

/** One turn through `app.handle()`, with the size check its HTTP adapters make first. */
async function turn(app: Fulfiller, body: string, headers: Record<string, string>): Promise<HostAnswer> {
  const first = records.length;
  inFlight++;
  const started = performance.now();
  let result: HttpResult;
  let thrown: ErrorView | undefined;
  try {
    const limit = app.options.bodyLimit;
    result = Buffer.byteLength(body) > limit ? coded(new BodyTooLargeError(limit)) : await app.handle(body, headers);
  } catch (error) {
    // Development mode: a handler built an invalid response. Over HTTP this is a coded 500.
    result = coded(error instanceof FulfillerError ? error : new InternalError());
    thrown = errorView(error);
  }
  const ms = performance.now() - started;
  inFlight--;
  const requestId = headers['x-request-id'];
  const logs: LogLine[] = records
    .slice(first)
    .filter((r) => r.fields.requestId === undefined || r.fields.requestId === requestId)
    .map((r) => ({ level: r.level, message: r.message, fields: toJsonMap(r.fields) }));
  if (inFlight === 0) records.length = 0;
  const error = thrown ?? handlerError(logs);
  return { result, ms, logs, ...(error === undefined ? {} : { error }) };
}

/** A fresh app for each fixture, as `fulfiller replay --app` gives: its logs kept out of the turns'. */
async function freshApp(): Promise<Connection> {
  const fresh = await loadApp(file, { env: process.env, logger: new MemoryLogger() });
  return { target: appTarget(fresh), close: () => fresh.close({ graceMs: 100 }) };
}

function coded(error: FulfillerError): HttpResult {
  return { status: error.status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(error.toJSON()) };
}

/** The error behind an apology, from the line the app logged for it (its `err` field has the stack). */
function handlerError(logs: readonly LogLine[]): ErrorView | undefined {
  for (const line of logs) {
    const err = line.fields.err;
    if (line.level !== 'error' || typeof err !== 'object' || err === null || Array.isArray(err)) continue;
    return {
      message: String(err.message ?? line.message),
      ...(typeof err.type === 'string' ? { type: err.type } : {}),
      ...(typeof err.code === 'string' ? { code: err.code } : typeof line.fields.code === 'string' ? { code: line.fields.code } : {}),
      ...(typeof err.stack === 'string' ? { stack: err.stack } : {}),
    };
  }
  return undefined;
}

function errorView(error: unknown): ErrorView {
  if (!(error instanceof Error)) return { message: String(error) };
  if ((error.cause as { code?: unknown } | undefined)?.code === 'ERR_UNKNOWN_FILE_EXTENSION' && /\.[mc]?ts$/.test(file)) {
    error.message += '. A TypeScript app module needs a loader: start the playground with `node --import tsx`, or compile the app first.';
  }
  const cause = error.cause instanceof Error ? error.cause : undefined;
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    message: error.message,
    ...(typeof code === 'string' ? { code } : {}),
    // A module that fails to load: its own stack says where, not the loader's.
    ...(cause?.stack !== undefined ? { stack: cause.stack } : error.stack !== undefined ? { stack: error.stack } : {}),
  };
}
