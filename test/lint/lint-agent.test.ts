import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allOf, anyOf, apiKey, basicAuth, googleIdToken, hmacSignature, type Verifier } from '../../src/index.js';
import { lintAgent, parseLintConfig, readAgent } from '../../src/testing/index.js';
import { makeCa, makeCert } from '../support/certificates.js';
import { tempDir } from '../testing/support/sample.js';
import { app, CX_SMALL, cxVariant, edit, ES_SMALL, findingsOf, fullCxApp } from './support.js';

const PAGES = 'agent/flows/Default Start Flow/pages';
const FLOW = 'agent/flows/Default Start Flow/Default Start Flow.json';
const WEBHOOK = 'agent/webhooks/shop%3aorders.json';

describe('lintAgent: CX routes against the agent', () => {
  it('an app that handles every call site leaves only what the agent itself lacks', async () => {
    const report = lintAgent(await readAgent(CX_SMALL), fullCxApp().describe(), { appFile: 'app.ts' });
    expect(report.served).toEqual(['shop:orders']);
    expect(report.findings.map((f) => `${f.severity} ${f.rule} ${f.location.path}`)).toEqual([
      'error missing-intent Default Start Flow › Start Page › route 2',
      'warning missing-webhook-error-handler Default Start Flow › > Returns › entry',
      'warning missing-webhook-error-handler Default Start Flow › route group Common › route 1',
    ]);
    expect(report.counts).toEqual({ error: 1, warning: 2, info: 0 });
  });

  it('a tag no route takes is an error at its call site, with the closest route as the fix', async () => {
    const fulfiller = app((a) =>
      a
        .tag('order.stats', () => {})
        .tag(/^(help|return\.create)$/, () => {})
        .tag(
          (v) => v === 'customer.validate',
          () => {},
        ),
    );
    const report = lintAgent(await readAgent(CX_SMALL), fulfiller.describe(), { appFile: 'app.ts' });
    const finding = report.findings.find((f) => f.rule === 'unhandled-tag')!;
    expect(finding).toEqual({
      rule: 'unhandled-tag',
      severity: 'error',
      message:
        'Default Start Flow › Order Status › route 1 sends the tag "order.status" to the webhook shop:orders, and no route of the app takes it: the user hears the fallback message.',
      fix: "Add app.tag('order.status', …), or correct app.tag('order.stats', …) if it was meant for it.",
      location: { file: 'flows/Default Start Flow/pages/Order Status.json', path: 'Default Start Flow › Order Status › route 1' },
      subject: 'order.status',
    });
    expect(report.findings.filter((f) => f.rule === 'unhandled-tag')).toHaveLength(1); // the RegExp and the predicate take the others
    expect(report.findings.find((f) => f.rule === 'unused-route')).toMatchObject({
      message:
        'app.tag(\'order.stats\', …) matches no fulfillment tag the agent sends to the webhook shop:orders (did you mean "order.status"?): the route never runs.',
      location: { file: 'app.ts', path: "app.tag('order.stats', …)" },
    });
  });

  it('a predicate that throws on a minimal turn is neither counted as handling nor as unused', async () => {
    const fulfiller = app((a) =>
      a.tag(
        (_v, turn) => turn.params.get('x') === undefined,
        () => {},
      ),
    );
    const rules = findingsOf(await readAgent(CX_SMALL), fulfiller).map((f) => f.split(' ')[0]);
    expect(rules).not.toContain('unhandled-tag');
    expect(rules).not.toContain('unused-route');
  });

  it('the app fallback is named in the message', async () => {
    const fulfiller = app((a) => a.fallback(() => {}));
    const report = lintAgent(await readAgent(CX_SMALL), fulfiller.describe());
    expect(report.findings.find((f) => f.rule === 'unhandled-tag')!.message).toContain('app.fallback() answers it');
  });

  it('unused routes: CX intents are every intent of the agent; action routes belong to ES and are not judged', async () => {
    const fulfiller = fullCxApp();
    fulfiller
      .intent('help', () => {})
      .intent('ordr.status', () => {})
      .action('anything', () => {});
    const unused = findingsOf(await readAgent(CX_SMALL), fulfiller).filter((f) => f.startsWith('unused-route'));
    expect(unused).toEqual(["unused-route app.intent('ordr.status', …)"]);
  });

  it('a call without a tag is handled by an intent route of its route, or reported', async () => {
    const agent = await cxVariant((entries) =>
      edit(entries, 'agent/flows/Default Start Flow/transitionRouteGroups/Common.json', (json) => {
        (json.transitionRoutes as { triggerFulfillment: { tag?: string } }[])[0]!.triggerFulfillment.tag = '';
      }),
    );
    expect(findingsOf(agent, fullCxApp())).toContain('untagged-webhook-call Default Start Flow › route group Common › route 1');
    const withIntent = fullCxApp();
    withIntent.intent('help', () => {});
    expect(findingsOf(agent, withIntent).filter((f) => f.startsWith('untagged'))).toEqual([]);
  });
});

describe('lintAgent: ES intents and actions', () => {
  it('an intent that calls the webhook needs a route for the intent or its action', async () => {
    const agent = await readAgent(ES_SMALL);
    expect(
      findingsOf(
        agent,
        app(() => {}, { env: { FULFILLER_BASIC_AUTH: 'a:b' } }),
      ),
    ).toEqual(['unhandled-intent intent order.status']);
    expect(
      findingsOf(
        agent,
        app((a) => a.action('order.status', () => {}), { env: { FULFILLER_BASIC_AUTH: 'a:b' } }),
      ),
    ).toEqual([]);
  });

  it('a route for an intent whose webhook is off, and tag routes are not judged in ES', async () => {
    const fulfiller = app(
      (a) =>
        a
          .intent('order.status', () => {})
          .intent('Default Welcome Intent', () => {})
          .tag('whatever', () => {}),
      { env: { FULFILLER_BASIC_AUTH: 'a:b' } },
    );
    const report = lintAgent(await readAgent(ES_SMALL), fulfiller.describe());
    expect(report.findings.map((f) => [f.rule, f.message])).toEqual([
      [
        'intent-webhook-off',
        'app.intent(\'Default Welcome Intent\', …) is for the intent "Default Welcome Intent", whose webhook call is switched off: the route never runs.',
      ],
    ]);
  });
});

describe('lintAgent: timeouts, auth and mutual TLS', () => {
  it("the webhook's timeout must be longer than the app's deadline and each route's", async () => {
    const agent = await readAgent(CX_SMALL);
    const slow = fullCxApp({ deadlineMs: 5000 });
    slow.tag('help', { deadlineMs: 6000 }, () => {});
    const timeouts = lintAgent(agent, slow.describe()).findings.filter((f) => f.rule === 'webhook-timeout');
    expect(timeouts.map((f) => [f.message, f.fix])).toEqual([
      [
        "The webhook shop:orders waits 5000 ms, and the app's deadline is 5000 ms: Dialogflow gives up before the app sends its timeout message.",
        "Set deadlineMs (FULFILLER_DEADLINE_MS) to 4000 or less, or raise the webhook's timeout above 5000 ms in the console.",
      ],
      [
        "app.tag('help', …) has deadlineMs 6000, and the webhook shop:orders waits 5000 ms: Dialogflow gives up before the route's timeout message.",
        "Set the route's deadlineMs to 4000 or less, or raise the webhook's timeout above 6000 ms.",
      ],
    ]);
    const es = lintAgent(
      await readAgent(ES_SMALL),
      app((a) => a.intent('order.status', () => {}), { deadlineMs: 5000, env: { FULFILLER_BASIC_AUTH: 'a:b' } }).describe(),
    );
    expect(es.findings.map((f) => f.fix)).toEqual(['Set deadlineMs (FULFILLER_DEADLINE_MS) to 4000 or less (ES always waits 5 s).']);
  });

  it('credentials the agent sends must be checked, and those the app demands must be sent', async () => {
    const agent = await readAgent(CX_SMALL);
    const authOf = (auth: Verifier | undefined) =>
      lintAgent(agent, fullCxApp({ env: {}, ...(auth ? { auth } : {}) }).describe()).findings.filter((f) => f.rule.startsWith('auth-'));
    const open = authOf(undefined);
    expect(open.map((f) => f.rule)).toEqual(['auth-unchecked']);
    expect(open[0]!.message).toBe(
      'The webhook shop:orders sends basic auth (a username and password) and the header x-api-key, and the app checks no credentials: anyone who finds its URL can call it.',
    );
    const keys = apiKey({ keys: ['k'], header: 'x-api-kee' });
    expect(authOf(keys).map((f) => [f.rule, f.fix])).toEqual([
      [
        'auth-not-sent',
        "Add the header x-api-kee with the key to the webhook's authentication in the console, or make the app read the header the agent sends: apiKey({ header: 'x-api-key' }) / FULFILLER_API_KEY_HEADER (did you mean \"x-api-key\"?).",
      ],
    ]);
    const hmac = hmacSignature({ secrets: ['whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTEyMzQ='] });
    const google = googleIdToken({ audience: 'https://x', serviceAccounts: ['a@b.c'] });
    expect(authOf(hmac).map((f) => f.rule)).toEqual(['auth-not-sent']);
    expect(authOf(google)[0]!.fix).toContain('"Service agent auth" to ID token');
    expect(authOf(anyOf(hmac, apiKey({ keys: ['k'] })))).toEqual([]);
    expect(authOf(allOf(basicAuth({ users: [{ user: 'u', password: 'p' }] }), google)).map((f) => f.rule)).toEqual(['auth-not-sent']);
    expect(authOf(() => ({ ok: true, caller: { scheme: 'mine', id: 'x' } }))).toEqual([]); // a custom verifier is trusted
  });

  it('with a client CA: https only, and the agent’s client certificate must chain to the CA', async () => {
    const ca = makeCa('Fulfiller Test CA');
    const other = makeCa('Other CA');
    const agentCert = makeCert('dialogflow-agent', ca);
    const withCert = (cert: string, uri = 'https://orders.example.com/webhook') =>
      cxVariant((entries) => {
        edit(
          entries,
          'agent/agent.json',
          (json) => void (json.clientCertificateSettings = { sslCertificate: cert, privateKey: 'projects/p/secrets/k/versions/1' }),
        );
        edit(entries, WEBHOOK, (json) => void ((json.genericWebService as Record<string, unknown>).uri = uri));
      });
    const mtlsOf = async (cert: string, uri?: string) =>
      findingsOf(await withCert(cert, uri), fullCxApp(), { tlsCa: ca.cert }).filter((f) => f.startsWith('mtls'));
    expect(await mtlsOf(agentCert.cert)).toEqual([]);
    expect(await mtlsOf(makeCert('stranger', other).cert)).toEqual(['mtls-client-certificate agent › client certificate']);
    expect(await mtlsOf(agentCert.cert, 'http://orders.example.com/webhook')).toEqual(['mtls-client-certificate webhook shop:orders']);
    expect(findingsOf(await withCert(makeCert('stranger', other).cert), fullCxApp()).filter((f) => f.startsWith('mtls'))).toEqual([]); // without --tls-ca
  });
});

describe('lintAgent: which webhooks, and references the agent breaks', () => {
  it('serves the webhooks named, refuses an unknown name with the closest, and holds a named flexible one against the endpoints', async () => {
    const agent = await cxVariant((entries) => {
      entries['agent/webhooks/maps.json'] = JSON.stringify({
        name: 'w2',
        displayName: 'maps',
        genericWebService: { uri: 'https://maps.googleapis.com/v1:x?key=K', webhookType: 'FLEXIBLE' },
      });
    });
    const report = lintAgent(agent, fullCxApp().describe());
    expect(report.external).toEqual([{ name: 'maps', why: 'flexible, calls a Google API' }]);
    // Named, it is this app's: an app without endpoints cannot serve it.
    expect(lintAgent(agent, fullCxApp().describe(), { webhooks: ['maps'] }).findings.map((f) => f.rule)).toContain('flexible-webhook-no-endpoint');
    expect(() => lintAgent(agent, fullCxApp().describe(), { webhooks: ['shop:order'] })).toThrow(
      '--webhook shop:order: the agent has no such webhook (did you mean "shop:orders"?); it has maps, shop:orders.',
    );
  });

  it('pages, flows, webhooks and route groups that are not there', async () => {
    const agent = await cxVariant((entries) => {
      edit(entries, FLOW, (json) => {
        const routes = json.transitionRoutes as Record<string, unknown>[];
        routes[0]!.targetPage = 'Order Stat';
        routes[1]!.targetFlow = 'Returns';
        delete routes[1]!.targetPage;
        json.transitionRouteGroups = ['Common', 'Shared'];
      });
      edit(entries, `${PAGES}/%3e Returns.json`, (json) => void ((json.entryFulfillment as Record<string, string>).webhook = 'shop:order'));
    });
    expect(findingsOf(agent, fullCxApp()).filter((f) => f.startsWith('missing-') && !f.startsWith('missing-webhook-error'))).toEqual([
      'missing-page Default Start Flow › Start Page › route 1',
      'missing-flow Default Start Flow › Start Page › route 2',
      'missing-webhook Default Start Flow › > Returns › entry',
      'missing-intent Default Start Flow › Start Page › route 2',
      'missing-route-group Default Start Flow › Start Page',
    ]);
    const page = lintAgent(agent, fullCxApp().describe()).findings.find((f) => f.rule === 'missing-page')!;
    expect(page.message).toBe(
      'Default Start Flow › Start Page › route 1 goes to the page "Order Stat", which the flow "Default Start Flow" does not have (did you mean "Order Status"?).',
    );
  });

  it('an ES agent whose webhook is off, with intents that call it', async () => {
    const dir = tempDir('fulfiller-lint-es-');
    cpSync(ES_SMALL, dir, { recursive: true });
    const agentJson = JSON.parse(readFileSync(join(dir, 'agent.json'), 'utf8')) as { webhook: { available: boolean } };
    agentJson.webhook.available = false;
    writeFileSync(join(dir, 'agent.json'), JSON.stringify(agentJson));
    expect(findingsOf(await readAgent(dir), app())).toEqual(['missing-webhook intent order.status']);
  });
});

describe('lintAgent: languages', () => {
  it('each language of the agent needs the three texts in the app, its own or its base language’s', async () => {
    const agent = await cxVariant((entries) => edit(entries, 'agent/agent.json', (json) => void (json.supportedLanguageCodes = ['ja', 'fr', 'pt-BR'])));
    const report = lintAgent(agent, fullCxApp({ messages: { fr: { apology: 'Désolé.' }, pt: { fallback: 'a', apology: 'b', timeout: 'c' } } }).describe());
    expect(report.findings.filter((f) => f.rule === 'missing-language-messages').map((f) => [f.message, f.fix])).toEqual([
      [
        'The agent speaks fr, and the app has no fallback, timeout text in it: those users hear the en one.',
        "Add the texts to createFulfiller(): messages: { 'fr': { fallback: '…', timeout: '…' } }.",
      ],
    ]);
  });
});

describe('lintAgent: config and baseline', () => {
  it('sets severities, turns rules off and ignores findings by rule, file, path or subject (with *)', async () => {
    const agent = await readAgent(CX_SMALL);
    const config = parseLintConfig('fulfiller-lint.json', {
      rules: { 'missing-intent': 'warning', 'missing-webhook-error-handler': 'off' },
      ignore: [{ rule: 'unhandled-tag', path: 'Default Start Flow › Order Status › *', reason: 'another team' }],
    });
    const report = lintAgent(agent, app((a) => a.tag(/^(help|return\.create)$/, () => {}), { env: { FULFILLER_BASIC_AUTH: 'a:b' } }).describe(), { config });
    expect(report.findings.map((f) => `${f.severity} ${f.rule} ${f.location.path}`)).toEqual([
      'warning missing-intent Default Start Flow › Start Page › route 2',
    ]);
    expect(report.ignored).toBe(2);
  });

  it('refuses a config with an unknown rule or key, naming it', () => {
    expect(() => parseLintConfig('lint.json', { rules: { 'unhandled-tags': 'off' } })).toThrow(
      'lint.json: rules: there is no rule "unhandled-tags" (did you mean "unhandled-tag"?)',
    );
    expect(() => parseLintConfig('lint.json', { rules: { 'unhandled-tag': 'fatal' } })).toThrow('rules.unhandled-tag must be error, warning, info or off');
    expect(() => parseLintConfig('lint.json', { ignores: [] })).toThrow('unknown key "ignores"');
    expect(() => parseLintConfig('lint.json', { ignore: [{ path: 'x' }] })).toThrow('ignore[0] needs "rule"');
  });
});
