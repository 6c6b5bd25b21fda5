import type { Clock } from '../base/clock.js';
import { InvalidOptionError } from '../errors.js';
import type { Store } from '../store/store.js';
import { anyOf } from '../auth/any-of.js';
import { apiKey } from '../auth/api-key.js';
import { basicAuth, type BasicAuthUser } from '../auth/basic-auth.js';
import { googleCerts } from '../auth/google-certs.js';
import { googleIdToken } from '../auth/google-id-token.js';
import { hmacSignature } from '../auth/hmac-signature.js';
import type { Verifier } from '../auth/verifier.js';

type Env = Readonly<Record<string, string | undefined>>;

/** What the verifiers made from the environment share with the app. */
export interface AuthDependencies {
  /** Keeps the HMAC `webhook-id`s already seen: the app's store. */
  store: Store;
  /** Where the time comes from. Default: the system clock. */
  clock?: Clock;
  /** Fetches Google's certificates. Default the global fetch. */
  fetch?: typeof globalThis.fetch;
}

/**
 * The verifier the environment asks for: "any of" those configured, or undefined when none is.
 *   FULFILLER_API_KEYS=k1,k2 (FULFILLER_API_KEY_HEADER, default x-api-key)
 *   FULFILLER_BASIC_AUTH=user:pass,user2:pass2
 *   FULFILLER_HMAC_SECRETS=whsec_…,whsec_…
 *   FULFILLER_GOOGLE_AUDIENCE=https://… with FULFILLER_GOOGLE_SERVICE_ACCOUNT=service-…@gcp-sa-dialogflow.iam.gserviceaccount.com
 *     (FULFILLER_GOOGLE_CERTS_URL overrides where Google's keys are fetched from)
 * A wrong value throws ERR_INVALID_OPTION at start-up; the message never quotes the value.
 */
export function authFromEnv(env: Env, deps: AuthDependencies): Verifier | undefined {
  const verifiers: Verifier[] = [];
  const keys = list(env, 'FULFILLER_API_KEYS');
  if (keys !== undefined) verifiers.push(apiKey({ keys, ...(env.FULFILLER_API_KEY_HEADER ? { header: env.FULFILLER_API_KEY_HEADER } : {}) }));
  const users = list(env, 'FULFILLER_BASIC_AUTH');
  if (users !== undefined) verifiers.push(basicAuth({ users: users.map(toUser) }));
  const secrets = list(env, 'FULFILLER_HMAC_SECRETS');
  if (secrets !== undefined) verifiers.push(hmacSignature({ secrets, store: deps.store, ...clockOf(deps) }));
  const google = googleFromEnv(env, deps);
  if (google !== undefined) verifiers.push(google);
  if (verifiers.length === 0) return undefined;
  return verifiers.length === 1 ? verifiers[0] : anyOf(...verifiers);
}

function googleFromEnv(env: Env, deps: AuthDependencies): Verifier | undefined {
  const audience = list(env, 'FULFILLER_GOOGLE_AUDIENCE');
  const serviceAccounts = list(env, 'FULFILLER_GOOGLE_SERVICE_ACCOUNT');
  if (audience === undefined && serviceAccounts === undefined) return undefined;
  if (audience === undefined || serviceAccounts === undefined) {
    throw new InvalidOptionError(
      'FULFILLER_GOOGLE_AUDIENCE and FULFILLER_GOOGLE_SERVICE_ACCOUNT go together: the audience of the tokens, and the service accounts allowed to call.',
    );
  }
  const url = env.FULFILLER_GOOGLE_CERTS_URL?.trim();
  const keys = googleCerts({ ...(url ? { url } : {}), ...(deps.fetch ? { fetch: deps.fetch } : {}), ...clockOf(deps) });
  return googleIdToken({ audience, serviceAccounts, keys, ...clockOf(deps) });
}

/** Comma-separated values; an unset or blank variable is not configured. */
function list(env: Env, name: string): string[] | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const values = raw.split(',').map((v) => v.trim());
  if (values.some((v) => v === '')) throw new InvalidOptionError(`${name} has an empty entry: separate values with single commas.`);
  return values;
}

function toUser(entry: string, i: number): BasicAuthUser {
  const colon = entry.indexOf(':');
  if (colon <= 0 || colon === entry.length - 1) {
    throw new InvalidOptionError(`FULFILLER_BASIC_AUTH entry ${i + 1} must be user:password, with both parts non-empty.`);
  }
  return { user: entry.slice(0, colon), password: entry.slice(colon + 1) };
}

function clockOf(deps: AuthDependencies): { clock?: Clock } {
  return deps.clock === undefined ? {} : { clock: deps.clock };
}
