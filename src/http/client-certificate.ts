/**
 * The certificate a client presented in a mutual TLS handshake that the server verified against
 * its client CA (`tls.ca`). The node:http adapter reads it from the socket; other transports end
 * TLS before the app and have none.
 */
export interface ClientCertificate {
  /** The subject as `CN=dialogflow,O=Example`: attributes in the certificate's order. */
  readonly subject: string;
  /** The subject's common name (CN), when it has one. */
  readonly commonName: string | undefined;
  /** The issuer, written the same way. */
  readonly issuer: string;
  /** SHA-256 fingerprint, colon-separated hex, as node writes it. */
  readonly fingerprint256: string;
}
