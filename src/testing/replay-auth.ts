import { builtins } from '../runtime/builtins.js';
import { sign } from '../auth/standard-webhooks.js';

/** The credentials replay sends, as Dialogflow would be configured to send them. */
export interface ReplayAuth {
  /** Sent in `apiKeyHeader` (default `x-api-key`). */
  apiKey?: string;
  apiKeyHeader?: string;
  /** `user:password`, sent as `authorization: Basic …`. */
  basic?: string;
  /** Sent as `authorization: Bearer …`. */
  bearer?: string;
  /** A Standard Webhooks secret (`whsec_…`): each body is signed (`webhook-id`, `webhook-timestamp`, `webhook-signature`). */
  hmacSecret?: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The credentials a webhook configured by the same environment accepts: the first of
 * FULFILLER_API_KEYS (in FULFILLER_API_KEY_HEADER), FULFILLER_BASIC_AUTH, FULFILLER_HMAC_SECRETS.
 */
export function replayAuthFromEnv(env: Env): ReplayAuth {
  const first = (name: string): string | undefined => env[name]?.split(',')[0]?.trim() || undefined;
  const auth: ReplayAuth = {};
  const apiKey = first('FULFILLER_API_KEYS');
  if (apiKey !== undefined) auth.apiKey = apiKey;
  const header = env.FULFILLER_API_KEY_HEADER?.trim();
  if (header) auth.apiKeyHeader = header;
  const basic = first('FULFILLER_BASIC_AUTH');
  if (basic !== undefined) auth.basic = basic;
  const secret = first('FULFILLER_HMAC_SECRETS');
  if (secret !== undefined) auth.hmacSecret = secret;
  return auth;
}

/** The auth headers for one request body; a signature covers exactly these bytes. */
export function authHeaders(auth: ReplayAuth, body: string, now: number = Date.now()): Record<string, string> {
  const headers: Record<string, string> = {};
  if (auth.apiKey !== undefined) headers[(auth.apiKeyHeader ?? 'x-api-key').toLowerCase()] = auth.apiKey;
  if (auth.basic !== undefined) headers.authorization = `Basic ${Buffer.from(auth.basic, 'utf8').toString('base64')}`;
  if (auth.bearer !== undefined) headers.authorization = `Bearer ${auth.bearer}`;
  if (auth.hmacSecret !== undefined) {
    const id = `msg_${builtins.crypto().randomUUID()}`;
    const timestamp = Math.floor(now / 1000);
    headers['webhook-id'] = id;
    headers['webhook-timestamp'] = String(timestamp);
    headers['webhook-signature'] = sign({ secret: auth.hmacSecret, id, timestamp, body });
  }
  return headers;
}
