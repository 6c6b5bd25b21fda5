import { allOf, anyOf, apiKey, basicAuth, googleIdToken, hmacSignature, type Verifier } from '../../src/index.js';
import { testApp } from '../support/app.js';

const SECRETS = ['key-one-SECRET', 'dialogflow-user', 'pass-SECRET', 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTEyMzQ='];

describe('app.describe()', () => {
  it('lists the routes with their match as given, and a matches() helper for every kind of match', () => {
    const { app } = testApp();
    const predicate = (value: string) => value.startsWith('crm.');
    app
      .tag('order.status', () => {})
      .intent(/^return\./, { deadlineMs: 2000 }, () => {})
      .action(predicate, () => {});
    const { routes } = app.describe();
    expect(routes.map((r) => [r.kind, r.match, r.deadlineMs])).toEqual([
      ['tag', 'order.status', undefined],
      ['intent', /^return\./, 2000],
      ['action', predicate, undefined],
    ]);
    expect(routes.map((r) => [r.matches('order.status'), r.matches('return.create'), r.matches('crm.interactions')])).toEqual([
      [true, false, false],
      [false, true, false],
      [false, false, true],
    ]);
  });

  it('calls a predicate with a minimal turn that carries the name, and says undefined when the predicate throws on it', () => {
    const { app } = testApp();
    app.tag(
      (value, turn) => turn.tag === value && value !== 'x',
      () => {},
    );
    app.tag(
      (_value, turn) => turn.params.get('customer_id') !== undefined,
      () => {},
    );
    const [byName, byParams] = app.describe().routes;
    expect(byName!.matches('order.status')).toBe(true);
    expect(byName!.matches('x')).toBe(false);
    expect(byParams!.matches('order.status')).toBeUndefined();
  });

  it('tells the fallback, deadline, mode, languages and their texts', () => {
    const { app } = testApp({ deadlineMs: 3000, defaultLanguage: 'ja', messages: { fr: { apology: 'Désolé.' }, en: { fallback: 'Pardon?' } } });
    app.fallback(() => {});
    expect(app.describe()).toMatchObject({
      fallback: true,
      deadlineMs: 3000,
      mode: 'test',
      defaultLanguage: 'ja',
      languages: { en: ['fallback', 'apology', 'timeout'], ja: ['fallback', 'apology', 'timeout'], fr: ['apology'] },
      auth: undefined,
    });
    expect(testApp().app.describe().fallback).toBe(false);
  });

  it('describes the auth the app checks, combinations included, without a secret or a user name', () => {
    const keys = apiKey({ keys: ['key-one-SECRET'], header: 'X-Dialogflow-Key' });
    const basic = basicAuth({ users: [{ user: 'dialogflow-user', password: 'pass-SECRET' }] });
    const hmac = hmacSignature({ secrets: ['whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTEyMzQ='] });
    const google = googleIdToken({ audience: 'https://example.com/webhook', serviceAccounts: ['service-1@gcp-sa-dialogflow.iam.gserviceaccount.com'] });
    const custom: Verifier = () => ({ ok: true, caller: { scheme: 'mine', id: 'me' } });
    const { app } = testApp({ auth: anyOf(allOf(google, keys), basic, hmac, custom) });
    const { auth } = app.describe();
    expect(auth).toEqual({
      scheme: 'any-of',
      parts: [
        { scheme: 'all-of', parts: [{ scheme: 'google-id-token' }, { scheme: 'api-key', header: 'x-dialogflow-key' }] },
        { scheme: 'basic' },
        { scheme: 'hmac' },
        undefined,
      ],
    });
    for (const secret of SECRETS) expect(JSON.stringify(app.describe())).not.toContain(secret);
    expect(testApp({ auth: custom }).app.describe().auth).toEqual({ scheme: 'custom' });
  });

  it('takes auth from the environment as the app does', () => {
    const { app } = testApp({ env: { FULFILLER_API_KEYS: 'k1,k2', FULFILLER_BASIC_AUTH: 'u:p' } });
    expect(app.describe().auth).toEqual({ scheme: 'any-of', parts: [{ scheme: 'api-key', header: 'x-api-key' }, { scheme: 'basic' }] });
  });
});
