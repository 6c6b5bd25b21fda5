import { maxConcurrentOf, nodeServerSettings } from '../../src/http/server-options.js';

describe('server options', () => {
  it('has defaults for the limits, and plain HTTP without tls', () => {
    expect(maxConcurrentOf({})).toBe(100);
    expect(nodeServerSettings({})).toEqual({ headersTimeout: 10_000, requestTimeout: 30_000, connectionsCheckingInterval: 1000 });
  });

  it('checks for client certificates only when a CA is given, and bounds the handshake', () => {
    const https = nodeServerSettings({ tls: { cert: 'C', key: 'K' }, headersTimeoutMs: 2000 });
    expect(https).toMatchObject({ cert: 'C', key: 'K', handshakeTimeout: 2000, minVersion: 'TLSv1.2', connectionsCheckingInterval: 500 });
    expect(https).not.toHaveProperty('requestCert');
    expect(nodeServerSettings({ tls: { cert: 'C', key: 'K', ca: 'A' } })).toMatchObject({ ca: 'A', requestCert: true, rejectUnauthorized: true });
  });

  it.each([
    [{ maxConcurrent: 0 }, /maxConcurrent/],
    [{ maxConcurrent: 1.5 }, /maxConcurrent/],
    [{ headersTimeoutMs: -1 }, /headersTimeoutMs/],
    [{ headersTimeoutMs: 5000, requestTimeoutMs: 1000 }, /cannot be longer/],
  ])('refuses %j', (options, message) => {
    expect(() => {
      maxConcurrentOf(options);
      nodeServerSettings(options);
    }).toThrow(message);
  });
});
