import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { createServer, type JsonObject } from '../../src/index.js';
import { cxRequest } from '../../src/testing/index.js';
import { appTarget, urlTarget } from '../../src/testing/replay-target.js';
import { close, freePort, listen } from '../support/http.js';
import { checkBody } from '../support/responses.js';
import { sampleApp } from './support/sample.js';

const body = JSON.stringify(cxRequest('greet').build());
const headers = { 'content-type': 'application/json' };

describe('replay targets', () => {
  const secret = `whsec_${randomBytes(24).toString('base64')}`;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    const { app } = sampleApp({ env: { FULFILLER_API_KEYS: 'key-1', FULFILLER_HMAC_SECRETS: secret } });
    server = createServer(app);
    url = `${await listen(server)}/webhook`;
  });
  afterAll(() => close(server));

  it('POSTs to a running webhook with the credentials it asks for (an API key, or a signature)', async () => {
    for (const auth of [{ apiKey: 'key-1' }, { hmacSecret: secret }]) {
      const result = await urlTarget(url, { auth }).send(body, headers);
      expect(result.status).toBe(200);
      expect(checkBody('cx', result.body)).toEqual({ fulfillmentResponse: { messages: [{ text: { text: ['Hello, there!'] } }] } });
      expect(result.headers['content-type']).toMatch(/^application\/json/);
    }
    expect((await urlTarget(url).send(body, headers)).status).toBe(401);
  });

  it('sends the same credentials in-process', async () => {
    const { app } = sampleApp({ env: { FULFILLER_BASIC_AUTH: 'df:pw' } });
    expect((await appTarget(app, { basic: 'df:pw' }).send(body, headers)).status).toBe(200);
    expect((await appTarget(app).send(body, headers)).status).toBe(401);
    expect(appTarget(sampleApp({ es: { sessionContext: 'mine' } }).app).sessionContext).toBe('mine');
  });

  it('says which webhook it cannot reach, and why', async () => {
    const port = await freePort();
    await expect(urlTarget(`http://127.0.0.1:${port}/webhook`).send(body, headers)).rejects.toThrow(
      `Cannot reach http://127.0.0.1:${port}/webhook: ECONNREFUSED`,
    );
  });

  it('gives up on a webhook that does not answer in time', async () => {
    const hanging = (await import('node:http')).createServer(() => {}); // never answers: however late the 50 ms run out, the outcome is the same
    const base = await listen(hanging);
    try {
      await expect(urlTarget(`${base}/webhook`, { timeoutMs: 50 }).send(body, headers)).rejects.toThrow(/^Cannot reach .*: .*(timeout|aborted)/i);
    } finally {
      await close(hanging);
    }
  });

  it('reads an error answer as it is', async () => {
    const result = await urlTarget(url, { auth: { apiKey: 'key-1' } }).send('{"a":1}', headers);
    expect(result.status).toBe(400);
    expect((JSON.parse(result.body) as JsonObject).error).toMatchObject({ code: 'ERR_UNKNOWN_DIALECT' });
  });
});
