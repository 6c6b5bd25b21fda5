/**
 * What the playground's server and its page say to each other, as JSON. Types only, importing
 * only types that import nothing, so that the page (browser code, src/playground/page/) shares
 * them without pulling in anything of Node.js.
 */
import type { AgentCallSite } from './agent-view.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonMap = { [key: string]: Json };
export type DialectName = 'cx' | 'es';

/** One turn as the designer sets it up in the form. */
export interface TurnInput {
  dialect: DialectName;
  languageCode: string;
  /** The session id (the last part of the session name). */
  session: string;
  /** CX: the fulfillment tag; flow and page ids or display names. */
  tag?: string;
  flow?: string;
  page?: string;
  /** What the user did: typed (or said) text, an event, DTMF digits (CX). */
  text?: string;
  event?: string;
  dtmf?: string;
  /** ES: the intent's display name and its action. */
  intent?: string;
  action?: string;
  /** CX: session parameters; ES: the matched intent's parameters. */
  params: JsonMap;
}

/** A turn already taken, as the page keeps it: what was sent and what came back. */
export interface PastTurn {
  /** The request built from the form (what a fixture keeps). */
  own: JsonMap;
  /** The request as sent, with the session carried in. */
  sent: JsonMap;
  status: number;
  /** The WebhookResponse, when the answer was one. */
  response: JsonMap | null;
}

/** POST /api/turn */
export interface TurnRequest {
  input: TurnInput;
  history: PastTurn[];
}

/** One piece of a rich card (Dialogflow Messenger's richContent vocabulary, which ES messages map onto). */
export type RichPart =
  | { type: 'info'; title: string; subtitle?: string; imageUrl?: string; link?: string }
  | { type: 'description'; title?: string; lines: string[] }
  | { type: 'button'; text: string; link?: string; event?: string }
  | { type: 'chips'; chips: { text: string; link?: string; imageUrl?: string }[] }
  | { type: 'list'; title: string; subtitle?: string; event?: string }
  | { type: 'accordion'; title: string; subtitle?: string; text?: string; imageUrl?: string }
  | { type: 'image'; url: string; alt: string }
  | { type: 'divider' }
  | { type: 'other'; json: Json };

/** What kind of thing happened that is not shown as a message. */
export type ChatEventKind = 'end-interaction' | 'handoff' | 'transfer-call' | 'play-audio' | 'success' | 'followup-event' | 'transition' | 'knowledge-card';

/** One thing the user would see (or hear) in the answer. */
export type ChatItem =
  | { kind: 'text'; text: string; channel?: string /** Other variants, of which Dialogflow picks one. */; alternatives?: string[] }
  | { kind: 'card'; parts: RichPart[]; channel?: string }
  | { kind: 'audio'; text: string; ssml: boolean; channel?: string }
  | { kind: 'event'; event: ChatEventKind; label: string; detail?: string }
  | { kind: 'payload'; json: Json; channel?: string };

/** A session parameter (CX) or an ES session-context parameter, and what this turn did to it. */
export interface ParamView {
  name: string;
  value: Json;
  /** Set or deleted by this turn's answer. */
  change?: 'set' | 'deleted';
}

/** An active ES context after the turn. */
export interface ContextView {
  id: string;
  lifespanCount: number;
  parameters: JsonMap;
  change?: 'set' | 'deleted';
}

/** The session as the next turn will see it. */
export interface SessionView {
  /** CX: where the conversation is now. */
  flow?: string;
  page?: string;
  params: ParamView[];
  contexts: ContextView[];
}

/** One log line the app wrote during the turn. */
export interface LogLine {
  level: string;
  message: string;
  fields: JsonMap;
}

/** An error a handler threw, with its stack: shown locally, never sent in a WebhookResponse. */
export interface ErrorView {
  type?: string;
  code?: string;
  message: string;
  stack?: string;
}

/** Something that kept the turn from being answered as a WebhookResponse. */
export interface ProblemView {
  code: string;
  message: string;
}

/** POST /api/turn's answer: everything the page shows about one turn. */
export interface TurnView {
  own: JsonMap;
  sent: JsonMap;
  status: number;
  response: JsonMap | null;
  /** The body as it came, when it is not a WebhookResponse (an error, an HTML page). */
  rawBody?: string;
  problem?: ProblemView;
  chat: ChatItem[];
  session: SessionView;
  checks: { path: string; message: string }[];
  ms: number;
  logs: LogLine[];
  /** Only for an app this playground runs (--app). */
  error?: ErrorView;
}

/** Where the app stands: running, being loaded again, or failing to load. */
export interface AppStatus {
  state: 'loading' | 'ready' | 'failed';
  /** `--app FILE` or `--url URL`, as given. */
  target: string;
  kind: 'app' | 'url';
  error?: ErrorView;
  /** Increases with every start of the app. */
  generation: number;
  at: string;
}

/** What the form offers: from the agent export, else from the app's own routes. */
export interface Choices {
  source: 'agent' | 'app' | 'none';
  tags: string[];
  intents: string[];
  actions: string[];
  events: { cx: string[]; es: string[] };
  flows: { id: string; name: string; pages: { id: string; name: string }[] }[];
}

/** GET /api/state */
export interface PlayState {
  app: AppStatus;
  choices: Choices;
  fixturesDir: string;
  hasAgent: boolean;
  languages: string[];
}

/** A value that saving would mask, and where it was seen. */
export interface MaskView {
  value: string;
  mask: string;
  /** names: this value only; phones, emails, cards: every value of that kind. */
  kind: 'names' | 'phones' | 'emails' | 'cards' | 'params' | 'patterns';
  where: string;
}

/** POST /api/fixtures/preview */
export interface SavePreviewRequest {
  dialect: DialectName;
  turns: PastTurn[];
}

/** POST /api/fixtures/save */
export interface SaveRequest extends SavePreviewRequest {
  name: string;
  /** Values to leave as they are (a name of a test customer, say). */
  keep: string[];
  replace?: boolean;
}

/** One expectation that does not hold. */
export interface MismatchView {
  what: string;
  expected: Json | undefined;
  actual: Json | undefined;
  note?: string;
  /** The lines `fulfiller replay` prints for it. */
  lines: string[];
}

/** One fixture replayed. */
export interface FixtureResultView {
  file: string;
  name?: string;
  dialect?: DialectName;
  passed: boolean;
  ms: number;
  /** Why the file could not be used at all. */
  error?: string;
  turns: { label: string; error?: string; mismatches: MismatchView[] }[];
  skipped: number;
}

/** POST /api/fixtures/save's answer. */
export interface SaveResult {
  file: string;
  /** The replay of the file just written. */
  result: FixtureResultView;
  /** What the designer should know about the file (a turn that expects something else than was shown, and why). */
  notes: string[];
}

/** POST /api/fixtures/run's answer. */
export interface RunResult {
  dir: string;
  results: FixtureResultView[];
}

/** A place in the agent that calls the webhook, as the page draws it. */
export interface CallSiteView extends Omit<AgentCallSite, 'handled'> {
  /** The app has a route for it. */
  handled: boolean;
  /** A fixture in the fixtures folder sends it. */
  covered: boolean;
}

/** GET /api/agent */
export interface AgentPicture {
  dialect: DialectName;
  name: string;
  flows: {
    id: string;
    name: string;
    pages: { id: string; name: string; callSites: string[] }[];
    transitions: { from: string; to: string; label: string; callSite?: string }[];
  }[];
  /** ES: the intents that call the webhook, by the id of their call site. */
  intents: string[];
  callSites: CallSiteView[];
}
