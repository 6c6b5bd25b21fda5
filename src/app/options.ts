import type { Verifier } from '../auth/verifier.js';
import type { AgentMap, ApiVersionOf, AppTypes } from '../base/app-types.js';
import type { Clock } from '../base/clock.js';
import type { ApiVersions, Mode } from '../core/options.js';
import type { SystemMessages } from '../core/system-messages.js';
import type { EsTurnOptions } from '../dialects/es/es-turn.js';
import type { LogLevel } from '../logging/json-line-logger.js';
import type { Logger } from '../logging/logger.js';
import type { RecordOptions } from '../recording/recorder.js';
import type { Store } from '../store/store.js';

/**
 * Options of `createFulfiller()`. Every one has a sensible default; those marked so also come
 * from the environment. For an app typed with an agent (`T`), `apiVersion` agrees with the
 * versions the type names: required for a beta version.
 */
export type FulfillerOptions<T extends AppTypes = AppTypes> = Omit<FulfillerSettings, 'apiVersion'> &
  (Partial<ApiVersionOf<T>> extends ApiVersionOf<T> ? { apiVersion?: ApiVersionOf<T> } : { apiVersion: ApiVersionOf<T> });

/** The options of `createFulfiller()`, whatever the app's type. */
export interface FulfillerSettings {
  /**
   * `development` and `test` throw when a handler builds an invalid response; `production` logs
   * it and sends a safe fallback. Default: from NODE_ENV (`production`, `test`, else `development`).
   */
  mode?: Mode;
  /** Time budget of a turn in ms, after which the user gets the timeout message. Default 4000 (`FULFILLER_DEADLINE_MS`). */
  deadlineMs?: number;
  /** Largest request body accepted, in bytes. Default 1 MiB. */
  bodyLimit?: number;
  /** Largest response sent, in bytes. Default 64 KiB, Dialogflow's limit. */
  responseLimit?: number;
  /** Add or override the fallback, apology and timeout texts per language: `{ fr: { apology: '…' } }`. */
  messages?: Readonly<Record<string, Partial<SystemMessages>>>;
  /** Language used when the request's language has no messages. Default `en`. */
  defaultLanguage?: string;
  /**
   * Where logs go: a logger with pino's methods (pino itself), or a level for the default logger
   * (`'silent'`, `'debug'`…). Default: JSON lines on stdout at `LOG_LEVEL` (silent in test mode unless LOG_LEVEL is set).
   */
  logger?: Logger | LogLevel;
  /** Where time comes from, for everything the app does with it (deadlines, jobs, TTLs, auth windows, the recorder, shutdown grace). Default: the system clock; `fakeClock()` in tests. */
  clock?: Clock;
  /** Where jobs, cached answers and seen request ids are kept. Default: Redis when `REDIS_URL` is set, else a bounded in-memory store. */
  store?: Store;
  /** Prometheus metrics (`GET /metrics`, `app.metrics`). Default on; `FULFILLER_METRICS=off` turns them off. */
  metrics?: boolean;
  /**
   * Who may call the webhook: `apiKey()`, `basicAuth()`, `hmacSignature()`, `googleIdToken()`,
   * combined with `anyOf()` / `allOf()`. Default: from FULFILLER_API_KEYS, FULFILLER_BASIC_AUTH,
   * FULFILLER_HMAC_SECRETS, FULFILLER_GOOGLE_AUDIENCE (any of those set); none set, no auth.
   */
  auth?: Verifier;
  /**
   * The API version the app speaks, per dialect: requests and responses are checked against that
   * version's schemas, and the beta versions' messages become available (ES telephony, live-agent
   * handoff, knowledge answers). Default the GA versions, `{ cx: 'v3', es: 'v2' }`. Type the app
   * the same way to reach the beta messages: `createFulfiller<{ es: 'v2beta1' }>({ apiVersion: { es: 'v2beta1' } })`.
   */
  apiVersion?: Partial<ApiVersions>;
  /** ES session context and default platform. */
  es?: Partial<EsTurnOptions>;
  /**
   * Records every answered call as a fixture in `dir` (personal data masked unless `redact: false`),
   * for `fulfiller replay`. Default off; `fulfiller serve --record DIR`.
   */
  record?: RecordOptions;
  /**
   * The CX agent's display names and their ids, as `fulfiller types` generates them
   * (`createFulfiller<Agent>({ agent })`): `turn.transition({ page: 'Order Status' })` then sends
   * the page's id.
   */
  agent?: AgentMap;
  /** Environment to read defaults from. Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
}
