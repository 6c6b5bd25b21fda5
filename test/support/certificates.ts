import { createPrivateKey, generateKeyPairSync, randomBytes, sign } from 'node:crypto';

/**
 * X.509 certificates for TLS and mutual-TLS tests, made in-process: node's crypto makes the
 * keys and the signatures but cannot write a certificate, so this writes the few DER structures
 * of RFC 5280 that one needs (P-256 keys, ECDSA-SHA256). No tool or dependency is involved.
 */
export interface Credentials {
  /** The subject's common name, which is also what certificates it issues name as issuer. */
  name: string;
  cert: string;
  key: string;
}

/** A self-signed certificate authority. */
export function makeCa(name: string): Credentials {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const key = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  return { name, key, cert: certificate({ subject: name, issuer: name, spki, signingKey: key, ca: true }) };
}

/** A certificate issued by `ca`; servers get the names 127.0.0.1 and localhost. */
export function makeCert(name: string, ca: Credentials, options: { server?: boolean; validDays?: number } = {}): Credentials {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const key = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const cert = certificate({
    subject: name,
    issuer: ca.name,
    spki,
    signingKey: ca.key,
    ca: false,
    server: options.server ?? false,
    validDays: options.validDays ?? 1,
  });
  return { name, key, cert };
}

function certificate(spec: { subject: string; issuer: string; spki: Buffer; signingKey: string; ca: boolean; server?: boolean; validDays?: number }): string {
  const now = Date.now();
  const algorithm = seq(oid('1.2.840.10045.4.3.2')); // ecdsa-with-SHA256
  const extensions = [extension('2.5.29.19', seq(...(spec.ca ? [tlv(0x01, Buffer.from([0xff]))] : [])), true)]; // basicConstraints
  if (spec.server) extensions.push(extension('2.5.29.17', seq(tlv(0x87, Buffer.from([127, 0, 0, 1])), tlv(0x82, Buffer.from('localhost'))))); // subjectAltName
  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) | 0x40; // positive, and minimal as DER requires (no leading zero byte)
  const tbs = seq(
    tlv(0xa0, integer(Buffer.from([2]))), // v3
    integer(serial),
    algorithm,
    name(spec.issuer),
    seq(time(now - 3_600_000), time(now + (spec.validDays ?? 3650) * 86_400_000)),
    name(spec.subject),
    spec.spki,
    tlv(0xa3, seq(...extensions)),
  );
  const signature = sign('sha256', tbs, createPrivateKey(spec.signingKey));
  const der = seq(tbs, algorithm, tlv(0x03, Buffer.concat([Buffer.from([0]), signature])));
  const base64 = der.toString('base64').replace(/.{64}/g, '$&\n');
  return `-----BEGIN CERTIFICATE-----\n${base64}${base64.endsWith('\n') ? '' : '\n'}-----END CERTIFICATE-----\n`;
}

function tlv(tag: number, content: Buffer): Buffer {
  const n = content.length;
  const length = n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : Buffer.from([0x82, n >> 8, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), length, content]);
}

function seq(...items: Buffer[]): Buffer {
  return tlv(0x30, Buffer.concat(items));
}

function integer(bytes: Buffer): Buffer {
  return tlv(0x02, bytes[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
}

function oid(dotted: string): Buffer {
  const [first, second, ...rest] = dotted.split('.').map(Number);
  const bytes = [first! * 40 + second!];
  for (const arc of rest) {
    const chunk = [arc & 0x7f];
    for (let v = arc >> 7; v > 0; v >>= 7) chunk.unshift((v & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}

function name(commonName: string): Buffer {
  return seq(tlv(0x31, seq(oid('2.5.4.3'), tlv(0x0c, Buffer.from(commonName, 'utf8')))));
}

function time(ms: number): Buffer {
  const iso = new Date(ms).toISOString(); // 2026-05-01T12:34:56.789Z → 260501123456Z
  return tlv(0x17, Buffer.from(`${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`));
}

function extension(id: string, value: Buffer, critical = false): Buffer {
  return seq(oid(id), ...(critical ? [tlv(0x01, Buffer.from([0xff]))] : []), tlv(0x04, value));
}
