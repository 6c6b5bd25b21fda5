import fc from 'fast-check';
import { sign, verify, type VerifyInput } from '../../src/auth/standard-webhooks.js';

// The known answer of the Standard Webhooks specification.
const SPEC = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};
const OLD_SECRET = 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD';
const NOW = SPEC.timestamp * 1000;

function input(overrides: Partial<VerifyInput> = {}): VerifyInput {
  return {
    secrets: [SPEC.secret],
    id: SPEC.id,
    timestamp: String(SPEC.timestamp),
    signature: SPEC.signature,
    body: SPEC.body,
    now: NOW,
    ...overrides,
  };
}

describe('sign()', () => {
  it("reproduces the specification's known answer", () => {
    expect(sign({ secret: SPEC.secret, id: SPEC.id, timestamp: SPEC.timestamp, body: SPEC.body })).toBe(SPEC.signature);
  });

  it('signs bytes and text alike, and works without the whsec_ prefix', () => {
    const bytes = new TextEncoder().encode(SPEC.body);
    expect(sign({ secret: SPEC.secret.slice(6), id: SPEC.id, timestamp: SPEC.timestamp, body: bytes })).toBe(SPEC.signature);
  });

  it('refuses malformed secrets, ids and timestamps without quoting the secret', () => {
    expect(() => sign({ ...SPEC, secret: 'whsec_not base64!' })).toThrow(/must be "whsec_" followed by base64/);
    expect(() => sign({ ...SPEC, secret: 'whsec_c2hvcnQ=' })).toThrow(/at least 16 bytes/);
    expect(() => sign({ ...SPEC, id: 'has space' })).toThrow(/id must be/);
    expect(() => sign({ ...SPEC, timestamp: 1.5 })).toThrow(/whole seconds/);
  });
});

describe('verify()', () => {
  it('accepts the known answer', () => {
    expect(verify(input())).toEqual({ ok: true, secret: 0 });
  });

  it('accepts a message signed with an old secret still in the rotation list', () => {
    const signature = sign({ secret: OLD_SECRET, id: SPEC.id, timestamp: SPEC.timestamp, body: SPEC.body });
    expect(verify(input({ secrets: [SPEC.secret, OLD_SECRET], signature }))).toEqual({ ok: true, secret: 1 });
    expect(verify(input({ secrets: [SPEC.secret], signature }))).toMatchObject({ ok: false });
  });

  it('accepts junk next to one valid signature, in any order', () => {
    expect(verify(input({ signature: `v1,Zm9v v2,abc ${SPEC.signature} garbage` }))).toMatchObject({ ok: true });
    expect(verify(input({ signature: `${SPEC.signature} v1,${'A'.repeat(43)}=` }))).toMatchObject({ ok: true });
  });

  it.each([
    ['one byte of the body changed', { body: '{"test": 2432232315}' }],
    ['the body re-serialised', { body: JSON.stringify(JSON.parse(SPEC.body)) }],
    ['another id', { id: 'msg_p5jXN8AQM9LWM0D4loKWxJeK' }],
    ['a timestamp 1 s off (signed content differs)', { timestamp: String(SPEC.timestamp + 1), now: NOW + 1000 }],
    ['a wrong secret', { secrets: [OLD_SECRET] }],
    ['a truncated signature', { signature: SPEC.signature.slice(0, -5) }],
    ['a signature without its version', { signature: SPEC.signature.slice(3) }],
    ['a v2 signature', { signature: SPEC.signature.replace('v1,', 'v2,') }],
    ['an empty signature', { signature: '' }],
    ['only junk', { signature: 'v1,!!!! v1, ,' }],
    ['no signature header', { signature: undefined }],
    ['no id header', { id: undefined }],
    ['no timestamp header', { timestamp: undefined }],
    ['an id with a control character', { id: 'msg\u0001' }],
    ['a non-numeric timestamp', { timestamp: '1614265330a' }],
    ['a negative timestamp', { timestamp: '-1614265330' }],
    ['a fractional timestamp', { timestamp: '1614265330.0' }],
    ['an empty timestamp', { timestamp: '' }],
    ['a timestamp 301 s old', { now: NOW + 301_000 }],
    ['a timestamp 301 s in the future', { now: NOW - 301_000 }],
  ])('refuses %s', (_name, overrides) => {
    expect(verify(input(overrides as Partial<VerifyInput>))).toMatchObject({ ok: false, reason: expect.any(String) });
  });

  it('accepts a timestamp exactly 300 s away, either way, and honours another tolerance', () => {
    expect(verify(input({ now: NOW + 300_999 }))).toMatchObject({ ok: true });
    expect(verify(input({ now: NOW - 300_000 }))).toMatchObject({ ok: true });
    expect(verify(input({ now: NOW + 61_000, toleranceSeconds: 60 }))).toMatchObject({ ok: false, reason: expect.stringContaining('60 s old') });
  });

  it('refuses any body with one bit flipped (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 2048 }), fc.nat(), (body, at) => {
        const signature = sign({ secret: SPEC.secret, id: SPEC.id, timestamp: SPEC.timestamp, body });
        const flipped = Uint8Array.from(body);
        const bit = at % (body.length * 8);
        flipped[bit >> 3]! ^= 1 << (bit & 7);
        return verify(input({ body, signature })).ok && !verify(input({ body: flipped, signature })).ok;
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary header values (property)', () => {
    fc.assert(
      fc.property(fc.option(fc.string()), fc.option(fc.string()), fc.option(fc.string()), (id, timestamp, signature) => {
        const result = verify(input({ id: id ?? undefined, timestamp: timestamp ?? undefined, signature: signature ?? undefined }));
        return result.ok === false || (id === SPEC.id && signature?.includes(SPEC.signature) === true);
      }),
      { numRuns: 1000 },
    );
  });
});
