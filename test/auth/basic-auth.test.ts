import { basicAuth } from '../../src/auth/basic-auth.js';

const verifier = basicAuth({
  users: [
    { user: 'dialogflow', password: 'correct horse battery staple' },
    { user: 'ops', password: 'pa:ss:with:colons' },
    { user: 'ユーザー', password: 'パスワード' },
  ],
});
const basic = (text: string): string => `Basic ${Buffer.from(text, 'utf8').toString('base64')}`;
const call = (authorization?: string) => verifier({ headers: authorization === undefined ? {} : { authorization }, rawBody: undefined });

describe('basicAuth()', () => {
  it('accepts each user with the right password; the caller is the user name', async () => {
    expect(await call(basic('dialogflow:correct horse battery staple'))).toEqual({ ok: true, caller: { scheme: 'basic', id: 'dialogflow' } });
    expect(await call(basic('ops:pa:ss:with:colons'))).toMatchObject({ ok: true, caller: { id: 'ops' } });
    expect(await call(basic('ユーザー:パスワード'))).toMatchObject({ ok: true, caller: { id: 'ユーザー' } });
  });

  it('takes the scheme in any case and extra spaces after it', async () => {
    expect(await call(`basic   ${Buffer.from('dialogflow:correct horse battery staple').toString('base64')}`)).toMatchObject({ ok: true });
  });

  it.each([
    ['a wrong password', basic('dialogflow:correct horse battery stapler')],
    ["another user's password", basic('dialogflow:pa:ss:with:colons')],
    ['an unknown user', basic('mallory:correct horse battery staple')],
    ['an empty password', basic('dialogflow:')],
    ['no colon', basic('dialogflow')],
    ['malformed base64', 'Basic ZGlhbG9nZmxvdzp!!!'],
    ['base64 of the wrong length', 'Basic ZGlhbG9nZmxvdzp'],
    ['bytes that are not UTF-8', `Basic ${Buffer.from([0x64, 0x3a, 0xff, 0xfe]).toString('base64')}`],
    ['an empty credential', 'Basic '],
    ['another scheme', `Bearer ${Buffer.from('dialogflow:correct horse battery staple').toString('base64')}`],
    ['an empty header', ''],
    ['no header', undefined],
  ])('refuses %s with 401', async (_name, header) => {
    const result = await call(header);
    expect(result).toMatchObject({ ok: false, status: 401 });
    if (!result.ok) expect(result.reason).not.toMatch(/horse|colons|mallory/);
  });

  it('refuses to be made with a user name holding ":" or an empty password, without echoing them', () => {
    expect(() => basicAuth({ users: [{ user: 'a:b', password: 'secret-1' }] })).toThrow(/user 1 needs a name without ":"/);
    expect(() => basicAuth({ users: [{ user: 'a', password: '' }] })).toThrow(/user 1 needs a password/);
    expect(() => basicAuth({ users: [] })).toThrow(/at least one user/);
  });
});
