import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiKey, createServer, type Fulfiller } from '../../src/index.js';
import { cxRequest } from '../../src/testing/index.js';
import { testApp } from '../support/app.js';
import { makeCa, makeCert } from '../support/certificates.js';
import { close } from '../support/http.js';
import { httpsPost } from '../support/https.js';
import { checkBody, textsOf } from '../support/responses.js';

const serverCa = makeCa('Fulfiller test server CA');
const clientCa = makeCa('Fulfiller test client CA');
const foreignCa = makeCa('Somebody else');
const serverCert = makeCert('webhook', serverCa, { server: true });
const client = makeCert('dialogflow-client', clientCa);
const foreignClient = makeCert('dialogflow-client', foreignCa); // same name, wrong issuer
const expiredClient = makeCert('dialogflow-client', clientCa, { validDays: -1 });

function listenTls(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`https://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

function helloApp(): Fulfiller {
  const { app } = testApp();
  app.tag('hello', (turn) => void turn.say('hello over TLS'));
  return app;
}

describe('HTTPS from a certificate and key', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer(helloApp(), { tls: { cert: serverCert.cert, key: serverCert.key } });
    base = await listenTls(server);
  });
  afterAll(() => close(server));

  it('serves the webhook over HTTPS', async () => {
    const res = await httpsPost(`${base}/webhook`, JSON.stringify(cxRequest('hello').build()), { ca: serverCa.cert });
    expect(textsOf(checkBody('cx', res.text) as object)).toEqual(['hello over TLS']);
  });

  it('presents the configured certificate (a client trusting another CA refuses it)', async () => {
    await expect(httpsPost(`${base}/webhook`, '{}', { ca: foreignCa.cert })).rejects.toThrow(/self.signed|unable to verify|certificate/i);
  });

  it('does not speak plain HTTP on the TLS port', async () => {
    await expect(fetch(`${base.replace('https', 'http')}/healthz`)).rejects.toThrow();
  });
});

describe('mutual TLS: client certificates checked against a configured CA', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer(helloApp(), { tls: { cert: serverCert.cert, key: serverCert.key, ca: clientCa.cert } });
    base = await listenTls(server);
  });
  afterAll(() => close(server));

  it('serves a client whose certificate the CA issued', async () => {
    const res = await httpsPost(`${base}/webhook`, JSON.stringify(cxRequest('hello').build()), { ca: serverCa.cert, client });
    expect(textsOf(checkBody('cx', res.text) as object)).toEqual(['hello over TLS']);
  });

  it.each([
    ['no client certificate', undefined],
    ['a certificate from another CA', foreignClient],
    ['an expired certificate', expiredClient],
    ['a server certificate from another chain', serverCert],
  ])('refuses the handshake for %s', async (_name, cert) => {
    const sent = httpsPost(`${base}/webhook`, JSON.stringify(cxRequest('hello').build()), {
      ca: serverCa.cert,
      ...(cert === undefined ? {} : { client: cert }),
    });
    await expect(sent).rejects.toThrow(/alert|ECONNRESET|socket hang up/);
  });
});

describe('mutual TLS: the client certificate is the caller', () => {
  function callerApp(options: Parameters<typeof testApp>[0] = {}): Fulfiller {
    const { app } = testApp(options);
    app.tag('who', (turn) => void turn.say(`${turn.caller?.scheme} ${turn.caller?.id} ${String(turn.caller?.details?.subject)}`));
    return app;
  }

  it('sets turn.caller from the verified certificate subject', async () => {
    const server = createServer(callerApp(), { tls: { cert: serverCert.cert, key: serverCert.key, ca: clientCa.cert } });
    const base = await listenTls(server);
    try {
      const res = await httpsPost(`${base}/webhook`, JSON.stringify(cxRequest('who').build()), { ca: serverCa.cert, client });
      expect(textsOf(checkBody('cx', res.text) as object)).toEqual(['mtls dialogflow-client CN=dialogflow-client']);
    } finally {
      await close(server);
    }
  });

  it("combines it with the app's auth: both must hold, the verifier's caller first", async () => {
    const server = createServer(callerApp({ auth: apiKey({ keys: ['k'] }) }), { tls: { cert: serverCert.cert, key: serverCert.key, ca: clientCa.cert } });
    const base = await listenTls(server);
    try {
      const refused = await httpsPost(`${base}/webhook`, JSON.stringify(cxRequest('who').build()), { ca: serverCa.cert, client });
      expect(refused.status).toBe(401);
      const res = await httpsPost(`${base}/webhook`, JSON.stringify(cxRequest('who').build()), { ca: serverCa.cert, client, headers: { 'x-api-key': 'k' } });
      expect(textsOf(checkBody('cx', res.text) as object)).toEqual(['api-key+mtls key-1 undefined']);
    } finally {
      await close(server);
    }
  });
});
