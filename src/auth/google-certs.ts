import { systemClock, type Clock } from '../base/clock.js';
import { GoogleCertsError } from '../errors.js';

/** Where the Google ID token verifier gets the public keys: PEM by key id (`kid`). */
export interface KeySource {
  /** The current keys; asked for a `kid` it does not hold, it looks again (Google rotates keys). */
  keys(kid: string): Promise<Readonly<Record<string, string>>>;
}

/** Options of `googleCerts()`. */
export interface GoogleCertsOptions {
  /** Default `https://www.googleapis.com/oauth2/v1/certs` (Google's ID token certificates, PEM by kid). */
  url?: string;
  fetch?: typeof globalThis.fetch;
  /** Where the time comes from. Default: the system clock. */
  clock?: Clock;
  /** Least time between two downloads, so unknown `kid`s or an outage cannot make us hammer the URL (1 s while no download has worked yet). Default 60 s. */
  minRefreshMs?: number;
  /** Gives up a download after this long. Default 3 s. */
  timeoutMs?: number;
}

export const GOOGLE_CERTS_URL = 'https://www.googleapis.com/oauth2/v1/certs';
const DEFAULT_MAX_AGE_MS = 5 * 60_000;

interface Cached {
  keys: Readonly<Record<string, string>>;
  expiresAt: number;
}

/**
 * Google's signing certificates, downloaded on first use and kept for as long as the answer's
 * `Cache-Control: max-age` says. One download at a time; when a download fails, the keys
 * already held are used until the next attempt may be made.
 */
export function googleCerts(options: GoogleCertsOptions = {}): KeySource {
  const url = options.url ?? GOOGLE_CERTS_URL;
  const fetch = options.fetch ?? globalThis.fetch;
  const clock = options.clock ?? systemClock;
  const minRefreshMs = options.minRefreshMs ?? 60_000;
  const timeoutMs = options.timeoutMs ?? 3000;
  let cached: Cached | undefined;
  let lastAttempt = Number.NEGATIVE_INFINITY;
  let loading: Promise<Cached> | undefined;

  const download = async (): Promise<Cached> => {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
    if (!response.ok) throw new GoogleCertsError(`GET ${url} answered ${response.status}`);
    const keys = parseKeys(await response.json());
    const maxAge = /max-age=(\d+)/.exec(response.headers.get('cache-control') ?? '')?.[1];
    cached = { keys, expiresAt: clock.now() + (maxAge === undefined ? DEFAULT_MAX_AGE_MS : Number(maxAge) * 1000) };
    return cached;
  };

  return {
    async keys(kid) {
      const now = clock.now();
      if (cached !== undefined && now < cached.expiresAt && Object.hasOwn(cached.keys, kid)) return cached.keys;
      // Without any keys yet (a failed first download), every call is refused: look again sooner.
      const wait = cached === undefined ? Math.min(minRefreshMs, 1000) : minRefreshMs;
      if (now - lastAttempt < wait && loading === undefined) {
        if (cached !== undefined) return cached.keys;
        throw new GoogleCertsError(`the last download from ${url} failed, and no keys were fetched before`);
      }
      if (loading === undefined) {
        lastAttempt = now;
        loading = download().finally(() => {
          loading = undefined;
        });
      }
      try {
        return (await loading).keys;
      } catch (error) {
        if (cached !== undefined) return cached.keys;
        throw error;
      }
    },
  };
}

function parseKeys(data: unknown): Readonly<Record<string, string>> {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new GoogleCertsError('the certificates are not a JSON object');
  const keys: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [kid, pem] of Object.entries(data)) if (typeof pem === 'string') keys[kid] = pem;
  return keys;
}
