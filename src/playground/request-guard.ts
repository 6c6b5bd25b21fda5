import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { networkInterfaces, hostname } from 'node:os';
import { PlayForbiddenError } from '../index.js';

const LOOPBACK = ['localhost', '127.0.0.1', '::1'];
const ANY = new Set(['0.0.0.0', '::']);

/** Who may use the playground: the holder of its token, through a host name that is its own. */
export interface Guard {
  token: string;
  /** Host names (no port) the playground answers to. */
  hosts: ReadonlySet<string>;
}

/**
 * The host names of a playground listening on `host`: loopback always; the given name; and
 * for 0.0.0.0 or :: this machine's name and addresses. Any other Host header is a page that
 * rebinds its own domain name to this machine, and is refused.
 */
export function hostsFor(host: string): Set<string> {
  const hosts = new Set([...LOOPBACK, host.toLowerCase()]);
  if (ANY.has(host)) {
    hosts.add(hostname().toLowerCase());
    for (const addresses of Object.values(networkInterfaces())) for (const a of addresses ?? []) hosts.add(a.address.toLowerCase());
  }
  return hosts;
}

/**
 * Refuses (403) a request whose Host is not the playground's, whose Origin is another site's,
 * or that lacks the token: in the `x-play-token` header, the `token` query parameter, or the
 * asset path `/assets/<token>/…`.
 */
export function checkRequest(req: IncomingMessage, url: URL, guard: Guard): void {
  const host = req.headers.host ?? '';
  if (!guard.hosts.has(hostOf(host))) throw new PlayForbiddenError(`The host name "${host.slice(0, 100)}" is not this playground's.`);
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== 'null' && hostOfUrl(origin) !== host.toLowerCase()) {
    throw new PlayForbiddenError(`A page of ${origin.slice(0, 100)} may not use this playground.`);
  }
  const header = req.headers['x-play-token'];
  const given = (typeof header === 'string' ? header : undefined) ?? url.searchParams.get('token') ?? /^\/assets\/([^/]+)\//.exec(url.pathname)?.[1];
  if (given === undefined || given === '') throw new PlayForbiddenError('This request has no token.');
  if (!same(given, guard.token)) throw new PlayForbiddenError('This request has the wrong token (was the playground started again?).');
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** `127.0.0.1:4000` → `127.0.0.1`, `[::1]:4000` → `::1`. */
function hostOf(host: string): string {
  const bracketed = /^\[([^\]]+)\]/.exec(host);
  if (bracketed !== null) return bracketed[1]!.toLowerCase();
  return host.replace(/:\d+$/, '').toLowerCase();
}

function hostOfUrl(url: string): string | undefined {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return undefined;
  }
}
