import { randomUUID } from 'node:crypto';
import { FulfillerError, validateSchema } from '../index.js';
import { DEFAULT_SESSION_CONTEXT, SessionSimulator, toReply, type Reply } from '../testing/index.js';
import { buildRequest } from './build-request.js';
import { chatItems } from './chat-items.js';
import type { HostAnswer } from './host-protocol.js';
import type { PlayTarget } from './play-target.js';
import { sessionView } from './session-view.js';
import type { DialectName, JsonMap, ProblemView, TurnRequest, TurnView } from './view.js';

/**
 * One turn from the page: the request built from the form, the session of the turns before
 * carried in as Dialogflow would (SessionSimulator), sent to the app, and everything the page
 * shows about the answer. The page keeps the conversation; each turn brings its history.
 */
export async function playTurn({ input, history }: TurnRequest, target: PlayTarget): Promise<TurnView> {
  const { dialect } = input;
  const simulator = new SessionSimulator(dialect);
  for (const past of history) simulator.apply(past.sent, past.response ?? undefined);
  const own = buildRequest(input, history.length + 1);
  const sent = simulator.prepare(own) as JsonMap;
  const requestId = `play-${randomUUID()}`;
  let answer: HostAnswer;
  try {
    answer = await target.send(JSON.stringify(sent), { 'content-type': 'application/json', 'x-request-id': requestId });
  } catch (error) {
    if (!(error instanceof FulfillerError)) throw error;
    const problem = { code: error.code, message: error.message };
    return {
      own,
      sent,
      status: error.status,
      response: null,
      problem,
      chat: [],
      session: sessionView(dialect, simulator.state, undefined, sent, ''),
      checks: [],
      ms: 0,
      logs: [],
    };
  }
  const { result } = answer;
  const sessionContext = target.sessionContext ?? DEFAULT_SESSION_CONTEXT;
  const parsed = parse(result.body);
  const response = result.status === 200 ? parsed : null;
  const reply: Reply | undefined = response === null ? undefined : toReply(dialect, sent, result, sessionContext);
  simulator.apply(sent, response ?? undefined);
  const view: TurnView = {
    own,
    sent,
    status: result.status,
    response,
    chat: response === null ? [] : chatItems(dialect, response),
    session: sessionView(dialect, simulator.state, reply, sent, sessionContext),
    checks: response === null ? [] : schemaIssues(dialect, response),
    ms: Math.round(answer.ms * 100) / 100,
    logs: answer.logs,
    ...(answer.error === undefined ? {} : { error: answer.error }),
  };
  if (response === null) {
    view.rawBody = result.body;
    view.problem = problemOf(result.status, parsed);
  }
  return view;
}

function schemaIssues(dialect: DialectName, response: JsonMap): TurnView['checks'] {
  const result = validateSchema(dialect, 'response', response);
  return result.ok ? [] : result.issues.map(({ path, message }) => ({ path, message }));
}

function parse(body: string): JsonMap | null {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonMap) : null;
  } catch {
    return null;
  }
}

/** An answer that is not a WebhookResponse: the coded error it carries, or its status. */
function problemOf(status: number, body: JsonMap | null): ProblemView {
  const error = body?.error;
  if (typeof error === 'object' && error !== null && !Array.isArray(error) && typeof error.message === 'string') {
    return { code: String(error.code ?? `HTTP ${status}`), message: error.message };
  }
  if (status === 200) return { code: 'HTTP 200', message: 'The answer is not a JSON object: a WebhookResponse is one.' };
  return { code: `HTTP ${status}`, message: `The webhook answered ${status} without a JSON error.` };
}
