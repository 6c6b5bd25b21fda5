import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { systemClock, type Clock } from '../base/clock.js';
import type { Exchange, ExchangeObserver } from '../telemetry/exchange.js';
import type { JsonObject } from '../generated/types.js';
import type { Logger } from '../logging/logger.js';
import { field, isJsonObject, jsonEqual } from '../base/json-object.js';
import { normalizeRecording } from './normalize-recording.js';
import { personalValues, redactJson, type RedactOptions } from './redact.js';
import { routeOf } from './route-of.js';
import { endpointRecording } from './endpoint-recording.js';
import type { Dialect } from '../base/dialect.js';

/** Option `record` of `createFulfiller()` and `fulfiller serve --record DIR`. */
export interface RecordOptions {
  /** Where fixtures are written: `DIR/cx/…json`, `DIR/es/…json`, one per conversation (session). */
  dir: string;
  /** What is masked. Default: names, phone numbers, emails and card numbers. `false` keeps everything. */
  redact?: RedactOptions | false;
}

/** Records answered webhook calls as fixtures. `flush()` waits for the files being written. */
export interface Recorder {
  readonly observe: ExchangeObserver;
  flush(): Promise<void>;
}

/** One session being recorded: its file and the turns so far. */
interface Recording {
  file: string;
  dialect: Dialect;
  headers: Record<string, string>;
  turns: JsonObject[];
  personal: Map<string, string>;
  masked: boolean;
  maskedAnswers: boolean;
  lastAt: number;
  /** When the last turn was first asked: a turn asked again and again (polling) spans from here. */
  askedSince: number;
}

const MAX_SESSIONS = 1000;
// Dialogflow forgets a session after 30 minutes; a call after that starts a new recording.
const SESSION_IDLE_MS = 30 * 60 * 1000;
// Pauses between turns are kept (a slow job needs them), but no longer than this.
const MAX_WAIT_MS = 10_000;
const MAX_RETRY_MS = 60_000;
const MASKED_NOTE =
  'Personal data was masked in a request, so the answer to it cannot be the one recorded: that turn only expects the status. ' +
  'Put in test values and run `fulfiller replay --update` to snapshot its answer.';

/**
 * Writes every answered call (status 200) as a fixture: the calls of one session become the
 * turns of one conversation, with the pauses between them; the same request asked again and
 * again (polling) becomes one turn retried until the last answer. Volatile ids are taken out
 * (normalizeRecording) and personal data is masked (redact). The work happens after the answer
 * is sent, one call at a time; a failed write is logged.
 */
export function createRecorder(options: RecordOptions, deps: { logger: Logger; clock?: Clock }): Recorder {
  const clock = deps.clock ?? systemClock;
  const sessions = new Map<string, Recording>();
  let queue = Promise.resolve();
  let sequence = 0;
  const observe: ExchangeObserver = (exchange) => {
    if (exchange.endpoint !== undefined) {
      if (exchange.outcome !== 'handled') return; // refusals and failures are not cases to replay
      const number = ++sequence;
      const at = new Date(clock.now());
      queue = queue
        .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
        .then(() => recordEndpoint(exchange, at, number))
        .catch((error: unknown) => {
          deps.logger.warn({ err: error instanceof Error ? error.message : String(error), dir: options.dir }, 'could not record an endpoint call');
        });
      return;
    }
    if (exchange.status !== 200 || exchange.request === undefined || exchange.dialect === undefined) return;
    const at = new Date(clock.now());
    const number = ++sequence;
    queue = queue
      .then(() => new Promise<void>((resolve) => setImmediate(resolve))) // after the answer has gone out
      .then(() => record(exchange, at, number))
      .catch((error: unknown) => {
        deps.logger.warn({ err: error instanceof Error ? error.message : String(error), dir: options.dir }, 'could not record a webhook call');
      });
  };

  const record = async (exchange: Exchange, at: Date, number: number): Promise<void> => {
    const dialect = exchange.dialect!;
    const request = structuredClone(exchange.request) as JsonObject;
    const session = dialect === 'cx' ? field(request, 'sessionInfo', 'session') : request.session;
    const key = typeof session === 'string' && session !== '' ? session : `#${number}`;
    const started = at.getTime() - exchange.ms;
    let recording = sessions.get(key);
    if (recording === undefined || started - recording.lastAt > SESSION_IDLE_MS) {
      recording = newRecording(options.dir, dialect, request, at, number, started);
      sessions.delete(key);
      sessions.set(key, recording);
      if (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value!);
    }
    const turn = toTurn(recording, exchange, request, options.redact);
    if (turn === undefined) return;
    const previous = recording.turns.at(-1);
    if (previous !== undefined && jsonEqual(previous.request, turn.request) && jsonEqual(previous.headers, turn.headers)) {
      // The same question again (polling a slow job): one turn, retried until the last answer comes.
      previous.expect = turn.expect;
      previous.retryMs = Math.min(Math.max(Math.round(2 * (at.getTime() - recording.askedSince)), 2000), MAX_RETRY_MS);
    } else {
      const pause = Math.round(started - recording.lastAt);
      if (previous !== undefined && pause >= 50) turn.waitMs = Math.min(pause, MAX_WAIT_MS);
      recording.turns.push(turn);
      recording.askedSince = started;
    }
    recording.lastAt = at.getTime();
    await mkdir(join(options.dir, dialect), { recursive: true });
    await writeFile(recording.file, `${JSON.stringify(toDocument(recording, options.redact), null, 2)}\n`);
  };

  const recordEndpoint = async (exchange: Exchange, at: Date, number: number): Promise<void> => {
    const document = endpointRecording(exchange, options.redact);
    if (document === undefined) return;
    const endpoint = exchange.endpoint!;
    const slug = `${endpoint.method}-${endpoint.template}`
      .replace(/[^\w.-]+/g, '-')
      .replace(/-+$/, '')
      .slice(0, 60);
    await mkdir(join(options.dir, 'endpoints'), { recursive: true });
    await writeFile(join(options.dir, 'endpoints', `${stampOf(at)}-${String(number).padStart(4, '0')}-${slug}.json`), `${JSON.stringify(document, null, 2)}\n`);
  };

  return { observe, flush: () => queue };
}

function stampOf(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace('T', '-')
    .replace(/\.(\d+)Z$/, '-$1');
}

function newRecording(dir: string, dialect: Dialect, request: JsonObject, at: Date, number: number, started: number): Recording {
  const stamp = stampOf(at);
  const slug = routeOf(dialect, request)
    .replace(/[^\w.-]+/g, '-')
    .slice(0, 60);
  const file = join(dir, dialect, `${stamp}-${String(number).padStart(4, '0')}-${slug}.json`);
  return { file, dialect, headers: {}, turns: [], personal: new Map(), masked: false, maskedAnswers: false, lastAt: started, askedSince: started };
}

function toTurn(recording: Recording, exchange: Exchange, raw: JsonObject, redact: RedactOptions | false | undefined): JsonObject | undefined {
  const parsed: unknown = JSON.parse(exchange.body);
  if (!isJsonObject(parsed)) return undefined;
  const sessionId = `recorded-${basename(recording.file, '.json')}`;
  const call = normalizeRecording(recording.dialect, exchange.headers, raw, parsed, sessionId);
  if (recording.turns.length === 0) recording.headers = call.headers;
  const name = exchange.route?.key ?? routeOf(recording.dialect, call.request);
  const turn: JsonObject = { name };
  if (!jsonEqual(call.headers, recording.headers)) turn.headers = call.headers;
  if (redact === false) return { ...turn, request: call.request, expect: { response: call.response } };
  // Names given on one turn (or set by the answer) are masked in every later one too.
  for (const document of [call.request, call.response]) {
    for (const [value, mask] of personalValues(recording.dialect, document, redact)) recording.personal.set(value, mask);
  }
  const request = redactJson(call.request, redact, recording.personal);
  if (turn.headers !== undefined) turn.headers = redactJson(turn.headers, redact, recording.personal);
  if (recording.turns.length === 0) recording.headers = redactJson(recording.headers, redact, recording.personal);
  if (!jsonEqual(request, call.request)) {
    recording.masked = true;
    return { ...turn, request, expect: { status: 200 } };
  }
  const response = redactJson(call.response, redact, recording.personal);
  // A masked answer is compared masked: replay masks the live answer the same way.
  if (!jsonEqual(response, call.response)) recording.maskedAnswers = true;
  return { ...turn, request, expect: { response } };
}

function toDocument(recording: Recording, redact: RedactOptions | false | undefined): JsonObject {
  const names = recording.turns.map((t) => String(t.name));
  const document: JsonObject = { name: `${names.join(' → ')} (recorded)` };
  if (recording.masked) document.note = MASKED_NOTE;
  if (recording.maskedAnswers) document.redact = redact === undefined || redact === false ? true : (redact as JsonObject);
  if (Object.keys(recording.headers).length > 0) document.headers = recording.headers;
  if (recording.turns.length > 1) return { ...document, turns: recording.turns };
  const { request, expect } = recording.turns[0]!;
  return { ...document, request: request!, expect: expect! };
}
