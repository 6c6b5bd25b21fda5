import { googleCerts } from '../../src/auth/google-certs.js';
import { fakeCertsFetch, signingKey, type SigningKey } from '../support/google-tokens.js';
import { fakeClock } from '../../src/testing/index.js';

const A = signingKey('key-a');
const B = signingKey('key-b');

describe('googleCerts()', () => {
  it('downloads once and keeps the keys for max-age', async () => {
    const clock = fakeClock(0);
    const fetch = fakeCertsFetch(() => [A], 'public, max-age=600');
    const source = googleCerts({ fetch, clock, url: 'https://certs.test/v1' });
    expect(Object.keys(await source.keys('key-a'))).toEqual(['key-a']);
    await source.keys('key-a');
    await clock.advance(599_000);
    await source.keys('key-a');
    expect(fetch.calls).toBe(1);
    await clock.advance(2000);
    await source.keys('key-a');
    expect(fetch.calls).toBe(2);
  });

  it('looks again for an unknown kid (Google rotated its keys), at most once per minRefreshMs', async () => {
    const clock = fakeClock(0);
    let published: SigningKey[] = [A];
    const fetch = fakeCertsFetch(() => published);
    const source = googleCerts({ fetch, clock, minRefreshMs: 60_000 });
    await source.keys('key-a');
    published = [A, B];
    expect(Object.keys(await source.keys('key-b'))).toEqual(['key-a']); // too soon after the first download to look again
    await clock.advance(60_000);
    expect(Object.keys(await source.keys('key-b'))).toEqual(['key-a', 'key-b']);
    await clock.advance(60_000);
    await source.keys('nope');
    await source.keys('nope');
    expect(fetch.calls).toBe(3);
  });

  it('shares one download between concurrent calls', async () => {
    const fetch = fakeCertsFetch(() => [A]);
    const source = googleCerts({ fetch, clock: fakeClock(0) });
    await Promise.all([source.keys('key-a'), source.keys('key-a'), source.keys('key-b')]);
    expect(fetch.calls).toBe(1);
  });

  it('keeps the keys it has when a download fails, and throws when it has none', async () => {
    const clock = fakeClock(0);
    let up = true;
    const good = fakeCertsFetch(() => [A], 'max-age=10');
    const fetch = (async (...args: Parameters<typeof globalThis.fetch>) => {
      if (!up) return new Response('down', { status: 503 });
      return good(...args);
    }) as typeof globalThis.fetch;
    const source = googleCerts({ fetch, clock, minRefreshMs: 1000 });
    await source.keys('key-a');
    up = false;
    await clock.advance(20_000);
    expect(Object.keys(await source.keys('key-a'))).toEqual(['key-a']);
    await expect(googleCerts({ fetch, clock }).keys('key-a')).rejects.toThrow(/503/);
  });

  it('retries a failed first download after a second, not after minRefreshMs', async () => {
    const clock = fakeClock(0);
    let up = false;
    const good = fakeCertsFetch(() => [A]);
    const fetch = (async (...args: Parameters<typeof globalThis.fetch>) =>
      up ? good(...args) : new Response('down', { status: 503 })) as typeof globalThis.fetch;
    const source = googleCerts({ fetch, clock, minRefreshMs: 60_000 });
    await expect(source.keys('key-a')).rejects.toThrow(/503/);
    up = true;
    await expect(source.keys('key-a')).rejects.toThrow(/the last download from .* failed/);
    await clock.advance(1000);
    expect(Object.keys(await source.keys('key-a'))).toEqual(['key-a']);
  });

  it('ignores entries that are not PEM strings, and refuses an answer that is not an object', async () => {
    const odd = (async () => new Response(JSON.stringify({ 'key-a': A.publicPem, n: 1, o: {} }))) as unknown as typeof fetch;
    expect(Object.keys(await googleCerts({ fetch: odd }).keys('key-a'))).toEqual(['key-a']);
    const list = (async () => new Response('[]')) as unknown as typeof fetch;
    await expect(googleCerts({ fetch: list }).keys('key-a')).rejects.toThrow(/not a JSON object/);
  });
});
