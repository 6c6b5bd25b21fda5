import { randomBytes } from 'node:crypto';
import { verify } from '../../src/auth/standard-webhooks.js';
import { authHeaders, replayAuthFromEnv } from '../../src/testing/replay-auth.js';

describe('replay credentials', () => {
  it('reads the first credential of each kind the server is configured with', () => {
    expect(
      replayAuthFromEnv({
        FULFILLER_API_KEYS: ' k1 ,k2',
        FULFILLER_API_KEY_HEADER: 'x-fulfiller-key',
        FULFILLER_BASIC_AUTH: 'df:pw,other:pw2',
        FULFILLER_HMAC_SECRETS: 'whsec_new,whsec_old',
      }),
    ).toEqual({ apiKey: 'k1', apiKeyHeader: 'x-fulfiller-key', basic: 'df:pw', hmacSecret: 'whsec_new' });
    expect(replayAuthFromEnv({ FULFILLER_API_KEYS: '' })).toEqual({});
  });

  it('sends an API key in its header, and basic or bearer credentials in authorization', () => {
    expect(authHeaders({ apiKey: 'k', apiKeyHeader: 'X-Key', basic: 'df:pw' }, '{}')).toEqual({
      'x-key': 'k',
      authorization: `Basic ${Buffer.from('df:pw').toString('base64')}`,
    });
    expect(authHeaders({ bearer: 't' }, '{}')).toEqual({ authorization: 'Bearer t' });
    expect(authHeaders({}, '{}')).toEqual({});
  });

  it('signs the exact body as Standard Webhooks, with a fresh id each time', () => {
    const secret = `whsec_${randomBytes(24).toString('base64')}`;
    const body = '{"responseId":"r"}';
    const now = Date.parse('2026-11-27T10:00:00Z');
    const headers = authHeaders({ hmacSecret: secret }, body, now);
    expect(headers['webhook-timestamp']).toBe(String(now / 1000));
    const check = (signed: string) =>
      verify({
        secrets: [secret],
        id: headers['webhook-id'],
        timestamp: headers['webhook-timestamp'],
        signature: headers['webhook-signature'],
        body: signed,
        now,
      });
    expect(check(body)).toEqual({ ok: true, secret: 0 });
    expect(check(`${body} `).ok).toBe(false);
    expect(authHeaders({ hmacSecret: secret }, body, now)['webhook-id']).not.toBe(headers['webhook-id']);
  });
});
