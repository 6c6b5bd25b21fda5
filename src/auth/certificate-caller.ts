import type { ClientCertificate } from '../http/client-certificate.js';
import type { Caller } from './verifier.js';

/**
 * The caller a verified client certificate names: scheme `mtls`, its common name (else the whole
 * subject) as the id. With `auth` configured too, both must hold (the handshake already asked for
 * the certificate), and the caller combines them as `allOf()` does, the verifier's first:
 * `{ scheme: 'google-id-token+mtls', id: <email>, via: [token, certificate] }`.
 */
export function certificateCaller(certificate: ClientCertificate, verified?: Caller): Caller {
  const tls: Caller = {
    scheme: 'mtls',
    id: certificate.commonName ?? certificate.subject,
    details: { subject: certificate.subject, issuer: certificate.issuer, fingerprint256: certificate.fingerprint256 },
  };
  if (verified === undefined) return tls;
  return {
    scheme: `${verified.scheme}+mtls`,
    id: verified.id,
    ...(verified.details === undefined ? {} : { details: verified.details }),
    via: [...(verified.via ?? [verified]), tls],
  };
}
