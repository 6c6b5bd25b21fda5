import { InvalidOptionError } from '../errors.js';
import type { Mode } from '../core/options.js';

type Env = Readonly<Record<string, string | undefined>>;

/** What the environment says about an app's options (authentication apart: auth-from-env.ts). */
export interface EnvOptions {
  mode: Mode;
  deadlineMs: number | undefined;
  /** LOG_LEVEL, as given. */
  logLevel: string | undefined;
  /** REDIS_URL: the store to share between instances. */
  redisUrl: string | undefined;
  metrics: boolean | undefined;
}

/**
 * Reads NODE_ENV, FULFILLER_DEADLINE_MS, LOG_LEVEL, REDIS_URL and FULFILLER_METRICS: the one
 * place the app's options come from the environment. A value that cannot be used throws
 * ERR_INVALID_OPTION naming the variable.
 */
export function optionsFromEnv(env: Env): EnvOptions {
  const redisUrl = env.REDIS_URL?.trim();
  return {
    mode: modeFromEnv(env.NODE_ENV),
    deadlineMs: intFromEnv(env, 'FULFILLER_DEADLINE_MS'),
    logLevel: env.LOG_LEVEL,
    redisUrl: redisUrl === '' ? undefined : redisUrl,
    metrics: switchFromEnv(env, 'FULFILLER_METRICS'),
  };
}

function modeFromEnv(nodeEnv: string | undefined): Mode {
  if (nodeEnv === 'production') return 'production';
  if (nodeEnv === 'test') return 'test';
  return 'development';
}

function intFromEnv(env: Env, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  if (!/^\d+$/.test(raw.trim())) throw new InvalidOptionError(`${name} must be a whole number, not "${raw}".`);
  return Number(raw);
}

function switchFromEnv(env: Env, name: string): boolean | undefined {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return undefined;
  if (['1', 'true', 'on', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'off', 'no'].includes(raw)) return false;
  throw new InvalidOptionError(`${name} must be on or off, not "${env[name]}".`);
}
