import type { ServerOptions as HttpsServerOptions } from 'node:https';
import { InvalidOptionError } from '../errors.js';

/** HTTPS for the standalone server: PEM certificate chain and key; with `ca`, mutual TLS. */
export interface TlsOptions {
  cert: string | Buffer;
  key: string | Buffer;
  /** Client certificates must chain to this CA (PEM); a client without one fails the handshake. */
  ca?: string | Buffer;
}

/** Limits and transport of `createServer()` / `app.listen()`. */
export interface ServerOptions {
  /** Webhook calls in progress at once; one more is answered 503 with `Retry-After: 1`. Default 100. */
  maxConcurrent?: number;
  /** Time a client has to send the request headers (and, with TLS, to finish the handshake). Default 10 000 ms. */
  headersTimeoutMs?: number;
  /** Time a client has to send the whole request; slower ones get 408. Default 30 000 ms. */
  requestTimeoutMs?: number;
  /** Serve HTTPS (and mutual TLS with `ca`) instead of HTTP. */
  tls?: TlsOptions;
}

const DEFAULT_SERVER_OPTIONS = { maxConcurrent: 100, headersTimeoutMs: 10_000, requestTimeoutMs: 30_000 } as const;

/** The concurrency limit, checked. */
export function maxConcurrentOf(options: ServerOptions): number {
  return whole(options.maxConcurrent ?? DEFAULT_SERVER_OPTIONS.maxConcurrent, 'maxConcurrent');
}

/** What node's http/https `createServer` is given: timeouts, and TLS when asked for. */
export function nodeServerSettings(options: ServerOptions): HttpsServerOptions {
  const headersTimeout = whole(options.headersTimeoutMs ?? DEFAULT_SERVER_OPTIONS.headersTimeoutMs, 'headersTimeoutMs');
  const requestTimeout = whole(options.requestTimeoutMs ?? DEFAULT_SERVER_OPTIONS.requestTimeoutMs, 'requestTimeoutMs');
  if (headersTimeout > requestTimeout) throw new InvalidOptionError('headersTimeoutMs cannot be longer than requestTimeoutMs.');
  const settings: HttpsServerOptions = {
    headersTimeout,
    requestTimeout,
    // node looks for expired requests on this period (30 s by default), which would stretch short timeouts.
    connectionsCheckingInterval: Math.min(1000, Math.max(50, Math.floor(headersTimeout / 4))),
  };
  const { tls } = options;
  if (tls === undefined) return settings;
  return {
    ...settings,
    cert: tls.cert,
    key: tls.key,
    handshakeTimeout: headersTimeout,
    minVersion: 'TLSv1.2',
    ...(tls.ca === undefined ? {} : { ca: tls.ca, requestCert: true, rejectUnauthorized: true }),
  };
}

function whole(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new InvalidOptionError(`${name} must be a whole number >= 1, not ${String(value)}.`);
  return value;
}
