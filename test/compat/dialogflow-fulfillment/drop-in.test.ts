import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { BUILT_IN_MESSAGES } from '../../../src/index.js';
import { cxRequest, esRequest } from '../../../src/testing/index.js';
import { errorCode, freePort, post, waitUntilUp } from '../../support/http.js';
import { checkBody, textsOf } from '../../support/responses.js';

/**
 * An Express handler and a Cloud Functions handler written for dialogflow-fulfillment run with
 * one changed line: `require('dialogflow-fulfiller/compat/dialogflow-fulfillment')`, resolved by
 * Node through the package's exports to the built CommonJS entry (npm test builds first). Each
 * host runs in its own process, where Node, not jest, resolves that require.
 */
const require = createRequire(import.meta.url);
const frameworkMain = join(dirname(require.resolve('@google-cloud/functions-framework')), 'main.js');
const HANDLER = 'test/compat/support/legacy-webhook.cjs';

/** Starts a host process on a free port; returns its URL. */
async function host(args: (port: number) => string[], path: string, started: ChildProcess[]): Promise<string> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}${path}`;
  let output = '';
  const child = spawn(process.execPath, args(port), {
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitUntilUp(url, child, () => output);
  return url;
}

/** The answers every host must give the same way. */
function behavesAsBefore(url: () => string): void {
  it('answers the intents with texts, rich messages and contexts', async () => {
    const welcome = checkBody('es', (await post(url(), esRequest('Default Welcome Intent').build())).text) as object;
    expect(textsOf(welcome)).toEqual(['Welcome to my agent!']);
    expect(welcome).toMatchObject({
      fulfillmentMessages: [{}, { card: { title: 'Orders', subtitle: 'Ask me about an order' } }, { quickReplies: { quickReplies: ['Where is my order?'] } }],
      outputContexts: [{ name: expect.stringMatching(/\/contexts\/welcomed$/), lifespanCount: 2, parameters: { at: 'start' } }],
    });
    const order = checkBody('es', (await post(url(), esRequest('order.status').params({ order: 'A-1003' }).build())).text) as object;
    expect(textsOf(order)).toEqual(['Order A-1003 is on its way.']);
  });

  it('gives an intent the map lacks the fallback (the old library left the request hanging)', async () => {
    expect(textsOf(checkBody('es', (await post(url(), esRequest('refund.create').build())).text) as object)).toEqual([BUILT_IN_MESSAGES.en!.fallback]);
  });

  it('refuses a CX request and an ES v1 request with a 400 that says what they are', async () => {
    const cx = await post(url(), cxRequest('order.status').build());
    expect([cx.status, errorCode(cx)]).toEqual([400, 'ERR_COMPAT_ES_ONLY']);
    const v1 = await post(url(), { id: '1', lang: 'en', sessionId: 's-1', result: { metadata: { intentName: 'order.status' } } });
    expect([v1.status, errorCode(v1)]).toEqual([400, 'ERR_UNKNOWN_DIALECT']);
  });
}

const started: ChildProcess[] = [];
afterAll(() => {
  for (const child of started) child.kill('SIGTERM');
});

describe('an Express handler written for dialogflow-fulfillment', () => {
  let url = '';
  beforeAll(async () => {
    url = await host((port) => ['test/compat/support/express-host.cjs', HANDLER, 'webhook', String(port)], '/', started);
  }, 30_000);

  behavesAsBefore(() => url);
});

describe('the same Express handler, behind an Express that lacks express.json()', () => {
  let url = '';
  beforeAll(async () => {
    url = await host((port) => ['test/compat/support/express-host.cjs', HANDLER, 'webhook', String(port), '--no-parser'], '/', started);
  }, 30_000);

  // The old library threw on the missing body; here the app reads it, and the client its fields.
  behavesAsBefore(() => url);
});

describe('a Cloud Functions handler written for dialogflow-fulfillment, under the Functions Framework', () => {
  let url = '';
  beforeAll(async () => {
    url = await host((port) => [frameworkMain, '--target=webhook', `--source=${HANDLER}`, `--port=${port}`], '/', started);
  }, 30_000);

  behavesAsBefore(() => url);

  it("is served by the app's Cloud Functions adapter: the same HTTP checks as a native function", async () => {
    const get = await fetch(url);
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
    const text = await post(url, 'hi', { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
  });
});
