import { InvalidOptionError } from '../errors.js';
import { digest, safeEqual } from './safe-equal.js';
import { describedAs } from './auth-schemes.js';
import { refuse, type Verifier } from './verifier.js';

/** One account of `basicAuth()`. */
export interface BasicAuthUser {
  user: string;
  password: string;
}

const BASIC = /^basic +([A-Za-z0-9+/]+={0,2}) *$/i;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Accepts `Authorization: Basic base64(user:password)` for one of the accounts: what Dialogflow
 * sends when a username and password are set on the webhook. The caller is the user name.
 * The password travels with every call (use HTTPS); no replay protection.
 *
 *   basicAuth({ users: [{ user: 'dialogflow', password: process.env.WEBHOOK_PASSWORD! }] })
 */
export function basicAuth(options: { users: readonly BasicAuthUser[] }): Verifier {
  const users = options.users.map((account, i) => check(account, i));
  if (users.length === 0) throw new InvalidOptionError('basicAuth() needs at least one user.');
  return describedAs(
    ({ headers }) => {
      const header = headers.authorization;
      if (header === undefined) return refuse('basic: no authorization header');
      const encoded = BASIC.exec(header)?.[1];
      if (encoded === undefined || encoded.length % 4 !== 0) return refuse('basic: not a well-formed Basic authorization');
      let decoded: string;
      try {
        decoded = utf8.decode(Buffer.from(encoded, 'base64'));
      } catch {
        return refuse('basic: the credentials are not UTF-8');
      }
      const colon = decoded.indexOf(':');
      if (colon === -1) return refuse('basic: the credentials have no colon');
      const userDigest = digest(decoded.slice(0, colon));
      const passwordDigest = digest(decoded.slice(colon + 1));
      let match: string | undefined;
      // Every account is compared in full, as fixed-length digests, so timing tells neither the
      // user nor the password (nor their lengths).
      for (const account of users) {
        const sameUser = safeEqual(userDigest, account.userDigest);
        const samePassword = safeEqual(passwordDigest, account.passwordDigest);
        if (sameUser && samePassword && match === undefined) match = account.user;
      }
      if (match === undefined) return refuse('basic: unknown user or wrong password');
      return { ok: true, caller: { scheme: 'basic', id: match } };
    },
    [[{ type: 'basic' }]],
  );
}

/** A configured account, its name and password hashed once (a call hashes only what it brings). */
interface Account {
  user: string;
  userDigest: Buffer;
  passwordDigest: Buffer;
}

function check(account: BasicAuthUser, i: number): Account {
  // The messages never repeat the values: they are secrets.
  if (typeof account?.user !== 'string' || account.user === '' || account.user.includes(':')) {
    throw new InvalidOptionError(`basicAuth(): user ${i + 1} needs a name without ":".`);
  }
  if (typeof account.password !== 'string' || account.password === '') {
    throw new InvalidOptionError(`basicAuth(): user ${i + 1} needs a password.`);
  }
  return { user: account.user, userDigest: digest(account.user), passwordDigest: digest(account.password) };
}
