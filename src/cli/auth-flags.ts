import { UsageError } from '../errors.js';
import { replayAuthFromEnv, type ReplayAuth } from '../testing/index.js';

/** The credential flags of the commands that call a webhook (`replay --url`, `play --url`), for parseArgs. */
export const AUTH_OPTIONS = {
  'api-key': { type: 'string' },
  basic: { type: 'string' },
  bearer: { type: 'string' },
  'hmac-secret': { type: 'string' },
} as const;

export const AUTH_USAGE = '[--api-key KEY] [--basic USER:PASS] [--bearer TOKEN] [--hmac-secret whsec_...]';

type AuthValues = Partial<Record<keyof typeof AUTH_OPTIONS, string | undefined>>;

/**
 * The credentials to send: what the same environment configures on the server
 * (replayAuthFromEnv), overridden by the flags. A malformed flag is a UsageError.
 */
export function authFromFlags(values: AuthValues, env: Readonly<Record<string, string | undefined>>): ReplayAuth {
  if (values.basic !== undefined && !values.basic.includes(':')) throw new UsageError('--basic takes USER:PASSWORD');
  const auth: ReplayAuth = { ...replayAuthFromEnv(env) };
  if (values['api-key'] !== undefined) auth.apiKey = values['api-key'];
  if (values.basic !== undefined) auth.basic = values.basic;
  if (values.bearer !== undefined) auth.bearer = values.bearer;
  if (values['hmac-secret'] !== undefined) auth.hmacSecret = values['hmac-secret'];
  return auth;
}
