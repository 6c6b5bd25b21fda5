import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTls } from '../../src/cli/read-tls.js';
import { makeCa, makeCert } from '../support/certificates.js';

const dir = mkdtempSync(join(tmpdir(), 'fulfiller-tls-'));
const ca = makeCa('CLI test CA');
const server = makeCert('webhook', ca, { server: true });
const other = makeCert('other', ca, { server: true });
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const CERT = file('cert.pem', server.cert);
const KEY = file('key.pem', server.key);
const CA = file('ca.pem', ca.cert);
const OTHER_KEY = file('other-key.pem', other.key);
const NOT_PEM = file('not.pem', 'hello');

describe('readTls()', () => {
  it('is plain HTTP when nothing is given', async () => {
    expect(await readTls({}, {})).toBeUndefined();
    expect(await readTls({}, { FULFILLER_TLS_CERT: ' ' })).toBeUndefined();
  });

  it('reads flags, then the environment', async () => {
    expect(await readTls({ cert: CERT, key: KEY }, {})).toEqual({ cert: Buffer.from(server.cert), key: Buffer.from(server.key) });
    const fromEnv = await readTls({}, { FULFILLER_TLS_CERT: CERT, FULFILLER_TLS_KEY: KEY, FULFILLER_TLS_CLIENT_CA: CA });
    expect(fromEnv?.ca?.toString()).toBe(ca.cert);
    const mixed = await readTls({ ca: CA }, { FULFILLER_TLS_CERT: CERT, FULFILLER_TLS_KEY: KEY });
    expect(mixed?.ca?.toString()).toBe(ca.cert);
  });

  it.each([
    [{ cert: CERT }, /needs both --tls-cert and --tls-key/],
    [{ key: KEY }, /needs both/],
    [{ ca: CA }, /needs both/],
    [{ cert: join(dir, 'missing.pem'), key: KEY }, /Cannot read --tls-cert .*missing\.pem: ENOENT/],
    [{ cert: NOT_PEM, key: KEY }, /--tls-cert .* is not a PEM certificate/],
    [{ cert: CERT, key: NOT_PEM }, /--tls-key .* is not a PEM private key/],
    [{ cert: CERT, key: OTHER_KEY }, /is not the key of the certificate/],
    [{ cert: CERT, key: KEY, ca: NOT_PEM }, /--tls-ca .* is not a PEM certificate/],
  ])('refuses %j clearly', async (flags, message) => {
    await expect(readTls(flags, {})).rejects.toMatchObject({ code: 'ERR_INVALID_OPTION', message: expect.stringMatching(message) });
  });
});
