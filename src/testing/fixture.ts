import type { JsonObject, JsonValue } from '../generated/types.js';
import type { RedactOptions } from '../recording/redact.js';
import type { Dialect } from '../base/dialect.js';

/** A CX form parameter's state, as a webhook response reports it. */
export type FormState = 'EMPTY' | 'INVALID' | 'FILLED';

/** What an ES context in the answer must look like; `parameters` are matched key by key. */
export interface ContextExpectation {
  lifespanCount?: number;
  parameters?: Record<string, JsonValue>;
}

/**
 * What the answer to one turn must show. Every key is optional and every key given must hold;
 * `response` is a full snapshot, the others are partial matches.
 */
export interface Expectation {
  /** HTTP status. Default 200. */
  status?: number;
  /** Every text the user would read, in order, exactly. */
  texts?: string[];
  /** Each must appear somewhere in the texts. */
  textContains?: string | string[];
  /** Each regular expression must match the texts (joined with new lines). */
  textMatches?: string | string[];
  /** Session parameters the answer sets (deep equality), or deletes (`null`). */
  params?: Record<string, JsonValue>;
  /** ES: contexts the answer sets, or deletes (`null`: sent with lifespan 0). */
  contexts?: Record<string, ContextExpectation | null>;
  /** CX: the transition, as a full resource name or the last id (`confirm`). */
  targetPage?: string;
  targetFlow?: string;
  /** CX: form parameters the answer marks, by name. */
  form?: Record<string, FormState>;
  /** The whole WebhookResponse, compared as JSON (key order does not matter). */
  response?: JsonObject;
}

/** One turn of a fixture: a request, what its answer must show, and how to pace it. */
export interface FixtureTurn {
  name?: string;
  /** A WebhookRequest. In a conversation, session state from earlier turns is carried into it. */
  request: JsonObject;
  /** Headers for this turn, on top of the fixture's. */
  headers?: Record<string, string>;
  expect?: Expectation;
  /** Values to take from the answer's texts for later turns: `{ "item": "\\((\\w+-\\d+)\\)" }` → `{{item}}`. */
  capture?: Record<string, string>;
  /** Pause before sending, in ms. */
  waitMs?: number;
  /** Send the turn again (every 250 ms) until the expectation holds, for at most this many ms. */
  retryMs?: number;
}

/** How a fixture was written: a fixture document, or a plain WebhookRequest (expectations in a sibling file). */
export type FixtureKind = 'fixture' | 'plain';

/** A fixture as loaded and checked: one or more turns of one dialect. */
export interface Fixture {
  /** The file it came from (as given on the command line). */
  file: string;
  kind: FixtureKind;
  name: string | undefined;
  dialect: Dialect;
  /** Headers sent with every turn. */
  headers: Record<string, string>;
  turns: FixtureTurn[];
  /** Recorded fixtures: the answer is redacted the same way before it is compared. */
  redact: RedactOptions | undefined;
  /** The document as read, for `--update` to write back (plain requests: the sibling expectation). */
  document: JsonObject;
}
