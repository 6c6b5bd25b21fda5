import { hmacSignature } from '../../src/auth/hmac-signature.js';
import { sign } from '../../src/auth/standard-webhooks.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { fakeClock, type FakeClock } from '../../src/testing/index.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const NOW = 1_700_000_000_000;
const BODY = Buffer.from('{"detectIntentResponseId":"r-1"}');

function signed(id: string, body: Uint8Array = BODY, timestamp = NOW / 1000): Record<string, string> {
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': sign({ secret: SECRET, id, timestamp, body }) };
}

describe('hmacSignature()', () => {
  let clock: FakeClock;
  let store: MemoryStore;
  beforeEach(() => {
    clock = fakeClock(NOW);
    store = new MemoryStore({ clock });
  });

  it('accepts a signed body once; the caller is the secret that matched', async () => {
    const verifier = hmacSignature({ secrets: [SECRET], store, clock });
    expect(await verifier({ headers: signed('msg_1'), rawBody: BODY })).toEqual({
      ok: true,
      caller: { scheme: 'hmac', id: 'secret-1', details: { webhookId: 'msg_1' } },
    });
  });

  it('refuses a replayed webhook-id inside the window, and forgets it once no timestamp could still pass', async () => {
    const verifier = hmacSignature({ secrets: [SECRET], store, clock });
    const headers = signed('msg_replay');
    expect(await verifier({ headers, rawBody: BODY })).toMatchObject({ ok: true });
    await clock.advance(299_000);
    expect(await verifier({ headers, rawBody: BODY })).toMatchObject({ ok: false, status: 401, reason: expect.stringContaining('replay') });
    await clock.advance(302_000); // 601 s after the first use: the timestamp itself is now too old
    expect(await verifier({ headers, rawBody: BODY })).toMatchObject({ ok: false, reason: expect.stringContaining('old') });
    expect(await store.get('hmac:msg_replay')).toBeUndefined();
  });

  it('does not let a forgery spend the id of a genuine message', async () => {
    const verifier = hmacSignature({ secrets: [SECRET], store, clock });
    const forged = { ...signed('msg_2'), 'webhook-signature': `v1,${'A'.repeat(43)}=` };
    expect(await verifier({ headers: forged, rawBody: BODY })).toMatchObject({ ok: false });
    expect(await verifier({ headers: signed('msg_2'), rawBody: BODY })).toMatchObject({ ok: true });
  });

  it('fails closed, saying why, when the body arrived already parsed', async () => {
    const verifier = hmacSignature({ secrets: [SECRET], store, clock });
    expect(await verifier({ headers: signed('msg_3'), rawBody: undefined })).toMatchObject({
      ok: false,
      status: 401,
      reason: expect.stringContaining('the raw body is needed'),
    });
  });

  it('judges the timestamp by its own clock', async () => {
    const verifier = hmacSignature({ secrets: [SECRET], store, clock });
    await clock.advance(400_000);
    expect(await verifier({ headers: signed('msg_4'), rawBody: BODY })).toMatchObject({ ok: false });
  });

  it('refuses one changed byte and a re-serialised body', async () => {
    const verifier = hmacSignature({ secrets: [SECRET], store, clock });
    const changed = Buffer.from(BODY);
    changed[5] = changed[5]! ^ 0x20;
    expect(await verifier({ headers: signed('msg_5'), rawBody: changed })).toMatchObject({ ok: false });
    const pretty = Buffer.from(JSON.stringify(JSON.parse(BODY.toString()), null, 1));
    expect(await verifier({ headers: signed('msg_6'), rawBody: pretty })).toMatchObject({ ok: false });
  });

  it('checks its secrets and tolerance when made, not on the first call', () => {
    expect(() => hmacSignature({ secrets: [] })).toThrow(/at least one secret/);
    expect(() => hmacSignature({ secrets: [SECRET, 'whsec_???'] })).toThrow(/whsec_/);
    expect(() => hmacSignature({ secrets: [SECRET], toleranceSeconds: 0 })).toThrow(/toleranceSeconds/);
  });
});
