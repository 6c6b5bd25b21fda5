import { apiKey } from '../../src/auth/api-key.js';
import { FulfillerError } from '../../src/errors.js';

const KEY = 'k-7f3a9c1e5b2d8f4a6c0e';
const OLD = 'k-old-0123456789abcdef';
const call = (headers: Record<string, string>) => apiKey({ keys: [KEY, OLD] })({ headers, rawBody: undefined });

describe('apiKey()', () => {
  it('accepts the right key and names it by position, never by value', async () => {
    expect(await call({ 'x-api-key': KEY })).toEqual({ ok: true, caller: { scheme: 'api-key', id: 'key-1' } });
  });

  it('accepts a key that is still in the rotation list', async () => {
    expect(await call({ 'x-api-key': OLD })).toEqual({ ok: true, caller: { scheme: 'api-key', id: 'key-2' } });
  });

  it.each([
    ['a wrong key of equal length', { 'x-api-key': `${KEY.slice(0, -1)}b` }],
    ['a wrong key of another length', { 'x-api-key': `${KEY}0` }],
    ['a prefix of the key', { 'x-api-key': KEY.slice(0, 5) }],
    ['an empty header', { 'x-api-key': '' }],
    ['no header', {}],
    ['the key in another header', { authorization: KEY }],
    ['both keys joined (a repeated header)', { 'x-api-key': `${KEY}, ${OLD}` }],
  ])('refuses %s with 401, and the reason does not quote it', async (_name, headers) => {
    const result = await call(headers);
    expect(result).toMatchObject({ ok: false, status: 401 });
    if (!result.ok) for (const key of [KEY, OLD]) expect(result.reason).not.toContain(key.slice(2));
  });

  it('reads the header it is told to, whatever its case', async () => {
    const verifier = apiKey({ keys: [KEY], header: 'X-Webhook-Key' });
    expect(await verifier({ headers: { 'x-webhook-key': KEY }, rawBody: undefined })).toMatchObject({ ok: true });
    expect(await verifier({ headers: { 'x-api-key': KEY }, rawBody: undefined })).toMatchObject({ ok: false, status: 401 });
  });

  it('refuses to be made without keys, with an empty key or a bad header name', () => {
    expect(() => apiKey({ keys: [] })).toThrow(FulfillerError);
    expect(() => apiKey({ keys: [KEY, ' '] })).toThrow(/key 2 is empty/);
    expect(() => apiKey({ keys: [KEY], header: 'x api key' })).toThrow(/not a valid header name/);
  });
});
