import type { Socket } from 'node:net';
import type { PeerCertificate, TLSSocket } from 'node:tls';
import type { ClientCertificate } from '../http/client-certificate.js';

// Read once per connection: keep-alive requests share the handshake, and so its certificate.
const bySocket = new WeakMap<Socket, ClientCertificate | null>();

/**
 * The client certificate of a mutual TLS connection the handshake verified (`tls.ca`), or
 * undefined: plain HTTP, HTTPS without client certificates, or one the CA did not vouch for
 * (the server refuses those in the handshake already).
 */
export function peerCertificate(socket: Socket): ClientCertificate | undefined {
  const known = bySocket.get(socket);
  if (known !== undefined) return known ?? undefined;
  const tls = socket as Partial<TLSSocket>;
  let found: ClientCertificate | null = null;
  if (typeof tls.getPeerCertificate === 'function' && tls.authorized === true) {
    const certificate = tls.getPeerCertificate();
    if (certificate !== null && typeof certificate === 'object' && Object.keys(certificate).length > 0) found = describe(certificate);
  }
  bySocket.set(socket, found);
  return found ?? undefined;
}

function describe(certificate: PeerCertificate): ClientCertificate {
  const cn = certificate.subject?.CN;
  return {
    subject: distinguishedName(certificate.subject),
    commonName: Array.isArray(cn) ? cn[0] : cn,
    issuer: distinguishedName(certificate.issuer),
    fingerprint256: certificate.fingerprint256,
  };
}

/** `{ O: 'Example', CN: 'dialogflow' }` → `O=Example,CN=dialogflow` (node keeps the certificate's order). */
function distinguishedName(name: Readonly<Record<string, string | string[] | undefined>> | undefined): string {
  if (name === undefined) return '';
  return Object.entries(name)
    .flatMap(([key, value]) => (value === undefined ? [] : (Array.isArray(value) ? value : [value]).map((v) => `${key}=${v}`)))
    .join(',');
}
