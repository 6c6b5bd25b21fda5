import type { AgentMap } from '../base/app-types.js';
import { systemClock } from '../base/clock.js';
import { DEFAULT_SESSION_CONTEXT } from '../dialects/es/es-turn.js';
import { checkDeadline, DEFAULT_DEADLINE_MS, shownNumber, type ResolvedOptions } from '../core/options.js';
import type { FulfillerSettings } from './options.js';
import { InvalidOptionError } from '../errors.js';
import { createDefaultLogger } from '../logging/json-line-logger.js';
import { MemoryStore } from '../store/memory-store.js';
import { RedisStore } from '../store/redis-store.js';
import { authFromEnv } from './auth-from-env.js';
import { checkOptions } from './check-options.js';
import { optionsFromEnv } from './options-from-env.js';

/**
 * The composition of an app's options: what was passed, else what the environment says, else
 * the defaults; and the parts built from them (logger, store, auth). Throws ERR_INVALID_OPTION
 * on a wrong value.
 */
export function resolveOptions(options: FulfillerSettings = {}): ResolvedOptions {
  checkOptions(options);
  const env = options.env ?? process.env;
  const fromEnv = optionsFromEnv(env);
  const mode = options.mode ?? fromEnv.mode;
  const deadlineMs = checkDeadline(options.deadlineMs ?? fromEnv.deadlineMs ?? DEFAULT_DEADLINE_MS, 'deadlineMs');
  const logger =
    typeof options.logger === 'object' ? options.logger : createDefaultLogger(options.logger ?? fromEnv.logLevel ?? (mode === 'test' ? 'silent' : 'info'));
  const clock = options.clock ?? systemClock;
  // Redis (ioredis, loaded only then) when REDIS_URL is set, so instances share jobs, cache and replay ids.
  const store = options.store ?? (fromEnv.redisUrl === undefined ? new MemoryStore({ clock }) : new RedisStore({ url: fromEnv.redisUrl, logger, clock }));
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
      sessionContext: options.es?.sessionContext ?? DEFAULT_SESSION_CONTEXT,
      sessionLifespan: options.es?.sessionLifespan ?? 50,
      ...(options.es?.platform === undefined ? {} : { platform: options.es.platform }),
    },
    agent: checkAgent(options.agent),
    ...apiVersions(options.apiVersion),
    env,
  };
}

/** The agent map, checked: `{ flows: { name: id }, pages: { flow: { name: id } } }` of strings. */
function checkAgent(agent: AgentMap | undefined): AgentMap | undefined {
  if (agent === undefined) return undefined;
  const strings = (value: unknown): boolean => typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string');
  const ok =
    typeof agent === 'object' &&
    agent !== null &&
    strings(agent.flows) &&
    typeof agent.pages === 'object' &&
    agent.pages !== null &&
    Object.values(agent.pages).every(strings);
  if (!ok)
    throw new InvalidOptionError(
      'agent must be the map `fulfiller types` generates: { flows: { "Flow name": "id" }, pages: { "Flow name": { "Page name": "id" } } }.',
    );
  return agent;
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
  if (!Number.isInteger(value) || value <= 0) throw new InvalidOptionError(`${name} must be a positive whole number of bytes, not ${shownNumber(value)}.`);
  return value;
}
