import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sign } from '../../src/index.js';
import { cxRequest } from '../../src/testing/index.js';
import { makeCa, makeCert } from '../support/certificates.js';
import { startCli, type CliProcess } from '../support/cli.js';
import { agentClaims, AUDIENCE, certsServer, idToken, OTHER_AGENT, SERVICE_AGENT, signingKey } from '../support/google-tokens.js';
import { close, freePort, post, waitUntilUp } from '../support/http.js';
import { httpsPost } from '../support/https.js';
import { checkBody, textsOf } from '../support/responses.js';

const API_KEY = 'srv-key-5e0c1a9f7b3d';
const PASSWORD = 'b4sic-pa55word';
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const GOOGLE = signingKey('serve-kid');
const APP = 'test/cli/fixtures/app.ts';

const start = (args: string[], env: Record<string, string>): CliProcess => startCli(args, { LOG_LEVEL: 'debug', NODE_ENV: 'production', ...env });

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

describe('fulfiller serve with every authentication mode from the environment', () => {
  it('answers genuine calls of each mode and refuses forged ones, logging no credential', async () => {
    const certs = await certsServer(() => [GOOGLE]);
    const port = await freePort();
    const { child, output } = start(['serve', '--app', APP, '--port', String(port)], {
      FULFILLER_API_KEYS: API_KEY,
      FULFILLER_BASIC_AUTH: `dialogflow:${PASSWORD}`,
      FULFILLER_HMAC_SECRETS: SECRET,
      FULFILLER_GOOGLE_AUDIENCE: AUDIENCE,
      FULFILLER_GOOGLE_SERVICE_ACCOUNT: SERVICE_AGENT,
      FULFILLER_GOOGLE_CERTS_URL: certs.url,
    });
    const webhook = `http://127.0.0.1:${port}/webhook`;
    const body = JSON.stringify(cxRequest('hello').build());
    const json = { 'content-type': 'application/json' };
    const token = idToken(GOOGLE, agentClaims());
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = sign({ secret: SECRET, id: 'msg_serve', timestamp, body });
    try {
      await waitUntilUp(`http://127.0.0.1:${port}/healthz`, child, output);
      const genuine = [
        { ...json, 'x-api-key': API_KEY },
        { ...json, authorization: `Basic ${Buffer.from(`dialogflow:${PASSWORD}`).toString('base64')}` },
        { ...json, 'webhook-id': 'msg_serve', 'webhook-timestamp': String(timestamp), 'webhook-signature': signature },
        { ...json, authorization: `Bearer ${token}` },
      ];
      for (const headers of genuine) {
        const res = await post(webhook, body, headers);
        expect(textsOf(checkBody('cx', res.text) as object)).toEqual(['Hello from cx, deadline 4000 ms']);
      }
      const forged = [
        json,
        { ...json, 'x-api-key': `${API_KEY}x` },
        { ...json, authorization: `Basic ${Buffer.from(`dialogflow:${PASSWORD}!`).toString('base64')}` },
        { ...json, 'webhook-id': 'msg_serve', 'webhook-timestamp': String(timestamp), 'webhook-signature': signature }, // replayed
        { ...json, 'webhook-id': 'msg_other', 'webhook-timestamp': String(timestamp), 'webhook-signature': signature },
        { ...json, authorization: `Bearer ${idToken(signingKey('serve-kid'), agentClaims())}` },
      ];
      for (const headers of forged) expect((await post(webhook, body, headers)).status).toBe(401);
      expect((await post(webhook, body, { ...json, authorization: `Bearer ${idToken(GOOGLE, agentClaims({ email: OTHER_AGENT }))}` })).status).toBe(403);
      const log = output();
      expect(log).toContain('"auth":true');
      expect(log).toContain('authentication refused');
      for (const secret of [API_KEY, PASSWORD, SECRET.slice(6), token.split('.')[2]!, signature.slice(3)]) expect(log).not.toContain(secret);
    } finally {
      await stop(child);
      await close(certs.server);
    }
  }, 30_000);

  it('refuses to start on a half-configured Google verifier, naming the variables', async () => {
    const { child, output } = start(['serve', '--app', APP, '--port', '0'], { FULFILLER_GOOGLE_AUDIENCE: AUDIENCE });
    await new Promise((resolve) => child.once('exit', resolve));
    expect(child.exitCode).not.toBe(0);
    expect(output()).toMatch(/FULFILLER_GOOGLE_AUDIENCE and FULFILLER_GOOGLE_SERVICE_ACCOUNT go together/);
  }, 30_000);
});

describe('fulfiller serve over HTTPS and mutual TLS', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fulfiller-serve-tls-'));
  const serverCa = makeCa('serve test CA');
  const clientCa = makeCa('serve test client CA');
  const server = makeCert('webhook', serverCa, { server: true });
  const client = makeCert('dialogflow', clientCa);
  const file = (name: string, text: string): string => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const files = { cert: file('cert.pem', server.cert), key: file('key.pem', server.key), ca: file('client-ca.pem', clientCa.cert) };

  async function upOverTls(url: string, child: ChildProcess, output: () => string): Promise<void> {
    for (let i = 0; i < 300 && child.exitCode === null; i++) {
      try {
        await httpsPost(url, '', { ca: serverCa.cert, client });
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    throw new Error(`the server did not start: ${output()}`);
  }

  it('serves HTTPS from --tls-cert and --tls-key', async () => {
    const port = await freePort();
    const { child, output } = start(['serve', '--app', APP, '--port', String(port), '--tls-cert', files.cert, '--tls-key', files.key], {});
    try {
      await upOverTls(`https://127.0.0.1:${port}/healthz`, child, output);
      const res = await httpsPost(`https://127.0.0.1:${port}/webhook`, JSON.stringify(cxRequest('hello').build()), { ca: serverCa.cert });
      expect(textsOf(checkBody('cx', res.text) as object)).toEqual(['Hello from cx, deadline 4000 ms']);
      expect(output()).toContain('"transport":"https"');
      expect(output()).toContain('no authentication configured');
    } finally {
      await stop(child);
    }
  }, 30_000);

  it('requires client certificates from FULFILLER_TLS_CLIENT_CA (mutual TLS from the environment)', async () => {
    const port = await freePort();
    const { child, output } = start(['serve', '--app', APP, '--port', String(port)], {
      FULFILLER_TLS_CERT: files.cert,
      FULFILLER_TLS_KEY: files.key,
      FULFILLER_TLS_CLIENT_CA: files.ca,
    });
    try {
      await upOverTls(`https://127.0.0.1:${port}/healthz`, child, output);
      const url = `https://127.0.0.1:${port}/webhook`;
      const res = await httpsPost(url, JSON.stringify(cxRequest('hello').build()), { ca: serverCa.cert, client });
      expect(textsOf(checkBody('cx', res.text) as object)).toEqual(['Hello from cx, deadline 4000 ms']);
      await expect(httpsPost(url, JSON.stringify(cxRequest('hello').build()), { ca: serverCa.cert })).rejects.toThrow(/alert|ECONNRESET|socket hang up/);
      expect(output()).toContain('"transport":"mutual-tls"');
    } finally {
      await stop(child);
    }
  }, 30_000);
});
