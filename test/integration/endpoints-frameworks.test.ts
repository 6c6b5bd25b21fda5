import { createServer, type Server } from 'node:http';
import express from 'express';
import type { Fulfiller } from '../../src/index.js';
import { testApp } from '../support/app.js';
import { close, errorCode, listen, post } from '../support/http.js';
import { cxRequest } from '../../src/testing/index.js';
import { checkBody, textsOf } from '../support/responses.js';

/**
 * The endpoints through every adapter (Express, Cloud Functions, fetch), beside the webhook,
 * and how an app mounted in a framework tells the webhook from the endpoints and from the host
 * app's other routes.
 */
function app(): Fulfiller {
  const { app } = testApp();
  app.tag('hello', (turn) => void turn.say('Hello'));
  app.endpoint(
    {
      method: 'GET',
      path: '/orders/{orderNumber}',
      description: 'Looks up an order.',
      response: { type: 'object', properties: { number: { type: 'string' } }, required: ['number'] },
    },
    ({ params }) => ({ number: params.orderNumber }),
  );
  app.endpoint(
    {
      method: 'POST',
      path: '/echo',
      description: 'Echoes a word.',
      request: { type: 'object', properties: { word: { type: 'string' } }, required: ['word'] },
      response: { type: 'object', properties: { word: { type: 'string' } }, required: ['word'] },
    },
    ({ body }) => ({ word: body.word }),
  );
  return app;
}

async function json(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}

describe('endpoints in Express', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const fulfiller = app();
    const web = express();
    // Mounted at the root of a prefix, the webhook named explicitly: everything else goes on.
    web.use('/api', fulfiller.express({ webhookPath: '/dialogflow' }));
    // Mounted without a webhook path: every POST no endpoint claims is the webhook.
    web.use('/bot', fulfiller.express());
    // The old way still works: a route of its own for the webhook.
    web.post('/dialogflow', fulfiller.express());
    web.get('/api/about', (_req, res) => void res.send('about page'));
    web.get('/bot/about', (_req, res) => void res.send('bot about page'));
    server = createServer(web);
    base = await listen(server);
  });
  afterAll(() => close(server));

  it('serves the endpoints under the mount point', async () => {
    expect(await json(await fetch(`${base}/api/orders/A-1003`))).toEqual({ number: 'A-1003' });
    expect((await post(`${base}/bot/echo`, { word: 'hi' })).text).toBe('{"word":"hi"}');
    const bad = await post(`${base}/api/echo`, { word: 1 });
    expect(bad.status).toBe(400);
    expect(errorCode(bad)).toBe('ERR_INVALID_REQUEST');
  });

  it('serves the webhook at its path, or at any POST no endpoint claims', async () => {
    for (const path of ['/api/dialogflow', '/bot/anything', '/dialogflow']) {
      const reply = await post(`${base}${path}`, cxRequest('hello').build());
      expect(textsOf(checkBody('cx', reply.text) as object)).toEqual(['Hello']);
    }
  });

  it('leaves paths it does not serve to the rest of the Express app', async () => {
    expect(await (await fetch(`${base}/api/about`)).text()).toBe('about page');
    expect(await (await fetch(`${base}/bot/about`)).text()).toBe('bot about page');
    expect((await post(`${base}/api/other`, cxRequest('hello').build())).status).toBe(404); // Express's own 404: not ours
  });

  it('answers a wrong method on an endpoint with 405 and Allow', async () => {
    const response = await fetch(`${base}/api/orders/A-1`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
  });
});

describe('endpoints in Cloud Functions and behind the fetch adapter', () => {
  it('serves endpoints and the webhook from one Cloud Function, 404 JSON elsewhere', async () => {
    const fulfiller = app();
    const server = createServer(fulfiller.cloudFunction({ webhookPath: '/' }) as never);
    const base = await listen(server);
    try {
      expect(await json(await fetch(`${base}/orders/A-7`))).toEqual({ number: 'A-7' });
      expect(textsOf(checkBody('cx', (await post(`${base}/`, cxRequest('hello').build())).text) as object)).toEqual(['Hello']);
      const missing = await fetch(`${base}/nowhere`);
      expect(missing.status).toBe(404);
      expect(((await json(missing)).error as { code: string }).code).toBe('ERR_NOT_FOUND');
    } finally {
      await close(server);
    }
  });

  it('serves endpoints through fetch(), the webhook at /webhook', async () => {
    const handler = app().fetch();
    expect(await json(await handler(new Request('http://x/orders/B-2')))).toEqual({ number: 'B-2' });
    const echoed = await handler(new Request('http://x/echo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"word":"yo"}' }));
    expect(await json(echoed)).toEqual({ word: 'yo' });
    const webhook = await handler(
      new Request('http://x/webhook', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(cxRequest('hello').build()) }),
    );
    expect(textsOf(checkBody('cx', await webhook.text()) as object)).toEqual(['Hello']);
    expect((await handler(new Request('http://x/missing'))).status).toBe(404);
  });
});
