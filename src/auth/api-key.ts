import { InvalidOptionError } from '../errors.js';
import { digest, safeEqual } from './safe-equal.js';
import { describedAs } from './auth-schemes.js';
import { refuse, type Verifier } from './verifier.js';

/** Options of `apiKey()`. */
export interface ApiKeyOptions {
  /** The accepted keys; several at once while one is rotated out. */
  keys: readonly string[];
  /** The header that carries the key. Default `x-api-key`. */
  header?: string;
}

/**
 * Accepts a call whose header (default `x-api-key`) holds one of the keys, exactly; as set in
 * Dialogflow's custom webhook headers. The caller is `key-N`, the N-th configured key, so logs
 * show when an old key stops being used. A key is a bearer secret: no replay protection.
 *
 *   apiKey({ keys: [process.env.NEW_KEY!, process.env.OLD_KEY!] })
 */
export function apiKey(options: ApiKeyOptions): Verifier {
  const header = (options.header ?? 'x-api-key').toLowerCase();
  if (!/^[a-z0-9!#$%&'*+.^_`|~-]+$/.test(header)) throw new InvalidOptionError(`apiKey(): "${header}" is not a valid header name.`);
  const keys = [...options.keys];
  if (keys.length === 0) throw new InvalidOptionError('apiKey() needs at least one key.');
  keys.forEach((key, i) => {
    if (typeof key !== 'string' || key.trim() === '') throw new InvalidOptionError(`apiKey(): key ${i + 1} is empty.`);
  });
  // Hashed once: a call hashes only the key it brings, then compares fixed-length digests.
  const digests = keys.map(digest);
  return describedAs(
    ({ headers }) => {
      const given = headers[header];
      if (given === undefined || given === '') return refuse(`api-key: no ${header} header`);
      const givenDigest = digest(given);
      let match = -1;
      // Every key is compared, so the time taken does not tell which one (or whether any) matched.
      digests.forEach((key, i) => {
        if (safeEqual(givenDigest, key) && match === -1) match = i;
      });
      if (match === -1) return refuse(`api-key: the ${header} header holds no accepted key`);
      return { ok: true, caller: { scheme: 'api-key', id: `key-${match + 1}` } };
    },
    [[{ type: 'api-key', header }]],
  );
}
