import { systemClock, type Clock } from '../base/clock.js';
import { authFromEnv } from '../auth/auth-from-env.js';
import type { Verifier } from '../auth/verifier.js';
import { InvalidOptionError } from '../errors.js';
import type { EsTurnOptions } from '../dialects/es/es-turn.js';
import { createDefaultLogger, type Logger } from '../logging/logger.js';
import { MemoryStore } from '../store/memory-store.js';
import { RedisStore } from '../store/redis-store.js';
import type { Store } from '../store/store.js';
import type { RecordOptions } from '../testing/recorder.js';
import type { SystemMessages } from './system-messages.js';

/** How strictly mistakes in handlers are treated. */
export type Mode = 'development' | 'production' | 'test';

/** Options of `createFulfiller()`. Every one has a sensible default. */
export interface FulfillerOptions {
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
  /** Where logs go. Default: JSON lines on stdout at `LOG_LEVEL` (silent in test mode unless LOG_LEVEL is set). */
  logger?: Logger;
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
  /** ES session context and default platform. */
  es?: Partial<EsTurnOptions>;
  /**
   * Records every answered call as a fixture in `dir` (personal data masked unless `redact: false`),
   * for `fulfiller replay`. Default off; `fulfiller serve --record DIR`.
   */
  record?: RecordOptions;
  /** Environment to read defaults from. Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** Options with every default applied. */
export interface ResolvedOptions {
  mode: Mode;
  deadlineMs: number;
  bodyLimit: number;
  responseLimit: number;
  messages: Readonly<Record<string, Partial<SystemMessages>>>;
  defaultLanguage: string;
  logger: Logger;
  clock: Clock;
  store: Store;
  metrics: boolean;
  auth: Verifier | undefined;
  es: EsTurnOptions;
  record: RecordOptions | undefined;
  env: Readonly<Record<string, string | undefined>>;
}

export const DEFAULT_DEADLINE_MS = 4000;
export const MAX_DEADLINE_MS = 30_000;

/** Applies defaults and the environment; throws ERR_INVALID_OPTION on a wrong value. */
export function resolveOptions(options: FulfillerOptions = {}): ResolvedOptions {
  const env = options.env ?? process.env;
  const mode = options.mode ?? modeFromEnv(env.NODE_ENV);
  const deadlineMs = options.deadlineMs ?? intFromEnv(env, 'FULFILLER_DEADLINE_MS') ?? DEFAULT_DEADLINE_MS;
  checkDeadline(deadlineMs, 'deadlineMs');
  const logLevel = env.LOG_LEVEL ?? (mode === 'test' ? 'silent' : 'info');
  const logger = options.logger ?? createDefaultLogger(logLevel);
  const clock = options.clock ?? systemClock;
  const store = options.store ?? storeFromEnv(env, logger, clock);
  return {
    mode,
    deadlineMs,
    bodyLimit: positive(options.bodyLimit ?? 1024 * 1024, 'bodyLimit'),
    responseLimit: positive(options.responseLimit ?? 64 * 1024, 'responseLimit'),
    messages: options.messages ?? {},
    defaultLanguage: options.defaultLanguage ?? 'en',
    logger,
    clock,
    store,
    metrics: options.metrics ?? switchFromEnv(env, 'FULFILLER_METRICS') ?? true,
    auth: options.auth ?? authFromEnv(env, { store, clock }),
    es: {
      sessionContext: options.es?.sessionContext ?? 'fulfiller_session',
      sessionLifespan: options.es?.sessionLifespan ?? 50,
      ...(options.es?.platform === undefined ? {} : { platform: options.es.platform }),
    },
    record: checkRecord(options.record),
    env,
  };
}

/** A deadline must leave Dialogflow time to receive the answer: 1 ms to 30 s (CX's maximum timeout). */
export function checkDeadline(ms: number, name: string): number {
  if (!Number.isInteger(ms) || ms < 1 || ms > MAX_DEADLINE_MS) {
    throw new InvalidOptionError(`${name} must be a whole number of milliseconds from 1 to ${MAX_DEADLINE_MS}, not ${String(ms)}.`);
  }
  return ms;
}

function modeFromEnv(nodeEnv: string | undefined): Mode {
  if (nodeEnv === 'production') return 'production';
  if (nodeEnv === 'test') return 'test';
  return 'development';
}

function intFromEnv(env: Readonly<Record<string, string | undefined>>, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  if (!/^\d+$/.test(raw.trim())) throw new InvalidOptionError(`${name} must be a whole number, not "${raw}".`);
  return Number(raw);
}

function positive(value: number, name: string): number {
  if (!Number.isInteger(value) || value <= 0) throw new InvalidOptionError(`${name} must be a positive whole number, not ${String(value)}.`);
  return value;
}

function checkRecord(record: RecordOptions | undefined): RecordOptions | undefined {
  if (record !== undefined && (typeof record.dir !== 'string' || record.dir.trim() === '')) {
    throw new InvalidOptionError('record.dir must be the directory recorded fixtures are written to.');
  }
  return record;
}

/** Redis (ioredis, loaded only then) when REDIS_URL is set, so instances share jobs, cache and replay ids. */
function storeFromEnv(env: Readonly<Record<string, string | undefined>>, logger: Logger, clock: Clock): Store {
  const url = env.REDIS_URL?.trim();
  return url === undefined || url === '' ? new MemoryStore({ clock }) : new RedisStore({ url, logger });
}

function switchFromEnv(env: Readonly<Record<string, string | undefined>>, name: string): boolean | undefined {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return undefined;
  if (['1', 'true', 'on', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'off', 'no'].includes(raw)) return false;
  throw new InvalidOptionError(`${name} must be on or off, not "${env[name]}".`);
}
