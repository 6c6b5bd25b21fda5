import { systemClock } from '../base/clock.js';
import { checkDeadline, DEFAULT_DEADLINE_MS, type ResolvedOptions } from '../core/options.js';
import type { FulfillerSettings } from './options.js';
import { InvalidOptionError } from '../errors.js';
import { createDefaultLogger } from '../logging/json-line-logger.js';
import type { RecordOptions } from '../recording/recorder.js';
import { MemoryStore } from '../store/memory-store.js';
import { RedisStore } from '../store/redis-store.js';
import { authFromEnv } from './auth-from-env.js';
import { optionsFromEnv } from './options-from-env.js';

/**
 * The composition of an app's options: what was passed, else what the environment says, else
 * the defaults; and the parts built from them (logger, store, auth). Throws ERR_INVALID_OPTION
 * on a wrong value.
 */
export function resolveOptions(options: FulfillerSettings = {}): ResolvedOptions {
  const env = options.env ?? process.env;
  const fromEnv = optionsFromEnv(env);
  const mode = options.mode ?? fromEnv.mode;
  const deadlineMs = checkDeadline(options.deadlineMs ?? fromEnv.deadlineMs ?? DEFAULT_DEADLINE_MS, 'deadlineMs');
  const logger = options.logger ?? createDefaultLogger(fromEnv.logLevel ?? (mode === 'test' ? 'silent' : 'info'));
  const clock = options.clock ?? systemClock;
  // Redis (ioredis, loaded only then) when REDIS_URL is set, so instances share jobs, cache and replay ids.
  const store = options.store ?? (fromEnv.redisUrl === undefined ? new MemoryStore({ clock }) : new RedisStore({ url: fromEnv.redisUrl, logger }));
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
    metrics: options.metrics ?? fromEnv.metrics ?? true,
    auth: options.auth ?? authFromEnv(env, { store, clock }),
    es: {
      sessionContext: options.es?.sessionContext ?? 'fulfiller_session',
      sessionLifespan: options.es?.sessionLifespan ?? 50,
      ...(options.es?.platform === undefined ? {} : { platform: options.es.platform }),
    },
    ...apiVersions(options.apiVersion),
    env,
  };
}

/** The option `apiVersion`, checked, with what the schema checks pass for it. */
function apiVersions(given: FulfillerSettings['apiVersion'] = {}): Pick<ResolvedOptions, 'apiVersion' | 'schemaVersions'> {
  if (given === null || typeof given !== 'object') throw new InvalidOptionError("apiVersion must be an object such as { es: 'v2beta1' }.");
  const cx = given.cx ?? 'v3';
  const es = given.es ?? 'v2';
  if (cx !== 'v3' && cx !== 'v3beta1') throw new InvalidOptionError(`apiVersion.cx must be 'v3' or 'v3beta1', not ${JSON.stringify(cx)}.`);
  if (es !== 'v2' && es !== 'v2beta1') throw new InvalidOptionError(`apiVersion.es must be 'v2' or 'v2beta1', not ${JSON.stringify(es)}.`);
  return {
    apiVersion: Object.freeze({ cx, es }),
    schemaVersions: { cx: cx === 'v3' ? undefined : { version: cx }, es: es === 'v2' ? undefined : { version: es } },
  };
}

function positive(value: number, name: string): number {
  if (!Number.isInteger(value) || value <= 0) throw new InvalidOptionError(`${name} must be a positive whole number, not ${String(value)}.`);
  return value;
}

/** The option `record`, checked (createFulfiller installs the recorder). */
export function checkRecord(record: RecordOptions | undefined): RecordOptions | undefined {
  if (record !== undefined && (typeof record.dir !== 'string' || record.dir.trim() === '')) {
    throw new InvalidOptionError('record.dir must be the directory recorded fixtures are written to.');
  }
  return record;
}
