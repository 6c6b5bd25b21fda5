import { builtins } from '../runtime/builtins.js';
import { readFile } from 'node:fs/promises';
import { InvalidOptionError } from '../errors.js';
import type { TlsOptions } from '../http/server-options.js';

/** File paths of `--tls-cert`, `--tls-key` and `--tls-ca`, when given. */
export interface TlsFiles {
  cert?: string | undefined;
  key?: string | undefined;
  ca?: string | undefined;
}

/**
 * The TLS settings of `fulfiller serve`: flags first, then FULFILLER_TLS_CERT, FULFILLER_TLS_KEY
 * and FULFILLER_TLS_CLIENT_CA. None given: plain HTTP. The files are checked now (PEM, and the
 * key belongs to the certificate), so a mistake stops the start, not the first handshake.
 */
export async function readTls(flags: TlsFiles, env: Readonly<Record<string, string | undefined>>): Promise<TlsOptions | undefined> {
  const certFile = flags.cert ?? given(env.FULFILLER_TLS_CERT);
  const keyFile = flags.key ?? given(env.FULFILLER_TLS_KEY);
  const caFile = flags.ca ?? given(env.FULFILLER_TLS_CLIENT_CA);
  if (certFile === undefined && keyFile === undefined && caFile === undefined) return undefined;
  if (certFile === undefined || keyFile === undefined) {
    throw new InvalidOptionError(
      'HTTPS needs both --tls-cert and --tls-key (FULFILLER_TLS_CERT, FULFILLER_TLS_KEY); --tls-ca adds client certificates to them.',
    );
  }
  const { X509Certificate, createPrivateKey } = builtins.crypto();
  const cert = await read(certFile, '--tls-cert');
  const key = await read(keyFile, '--tls-key');
  let certificate: InstanceType<typeof X509Certificate>;
  try {
    certificate = new X509Certificate(cert);
  } catch {
    throw new InvalidOptionError(`--tls-cert ${certFile} is not a PEM certificate.`);
  }
  let matches: boolean;
  try {
    matches = certificate.checkPrivateKey(createPrivateKey(key));
  } catch {
    throw new InvalidOptionError(`--tls-key ${keyFile} is not a PEM private key.`);
  }
  if (!matches) throw new InvalidOptionError(`--tls-key ${keyFile} is not the key of the certificate ${certFile}.`);
  if (caFile === undefined) return { cert, key };
  const ca = await read(caFile, '--tls-ca');
  try {
    new X509Certificate(ca);
  } catch {
    throw new InvalidOptionError(`--tls-ca ${caFile} is not a PEM certificate.`);
  }
  return { cert, key, ca };
}

function given(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

async function read(file: string, flag: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    throw new InvalidOptionError(`Cannot read ${flag} ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}.`);
  }
}
