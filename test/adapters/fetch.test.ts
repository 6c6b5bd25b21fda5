import { fetchHandler, MemoryLogger, type Gateway, type HttpRequest, type HttpResult } from '../../src/index.js';
import { cxRequest } from '../../src/testing/index.js';
import { testApp } from '../support/app.js';
import { checkBody } from '../support/responses.js';

const URL_BASE = 'https://webhook.example.com';

/** A Fetch API request, as Deno, Bun or a Worker hands it over. */
function request(path: string, init: { method?: string; body?: string; type?: string } = {}): Request {
  const headers: Record<string, string> = init.type === undefined ? {} : { 'content-type': init.type };
  return new Request(`${URL_BASE}${path}`, { method: init.method ?? 'POST', headers, ...(init.body === undefined ? {} : { body: init.body }) });
}

describe('fetchHandler: Request in, Response out', () => {
  const { app } = testApp();
  app.tag('hello', (turn) => void turn.say(`hello from ${turn.headers['x-caller'] ?? 'nobody'}`));
  const handler = app.fetch();
  const body = JSON.stringify(cxRequest('hello').build());

  it('answers the webhook on POST /webhook', async () => {
    const response = await handler(
      new Request(`${URL_BASE}/webhook`, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-caller': 'edge' } }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(checkBody('cx', await response.text())).toMatchObject({ fulfillmentResponse: { messages: [{ text: { text: ['hello from edge'] } }] } });
  });

  it('answers the probes, 404 elsewhere, 405 with Allow, 415 and 413 as the standalone server does', async () => {
    expect(await (await handler(request('/healthz', { method: 'GET' }))).json()).toEqual({ status: 'ok' });
    expect((await handler(request('/readyz', { method: 'GET' }))).status).toBe(200);
    expect((await handler(request('/metrics', { method: 'GET' }))).headers.get('content-type')).toContain('text/plain');
    const missing = await handler(request('/nowhere', { body }));
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('ERR_NOT_FOUND');
    const get = await handler(request('/webhook', { method: 'GET' }));
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect((await handler(request('/webhook', { body, type: 'text/plain' }))).status).toBe(415);
    const big = await handler(request('/webhook', { body: `{"x":"${'a'.repeat(1024 * 1024)}"}`, type: 'application/json' }));
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { code: string } }).error.code).toBe('ERR_BODY_TOO_LARGE');
  });

  it('answers 408 ERR_REQUEST_INCOMPLETE for a body cut off before its end, counted and not logged as an error', async () => {
    const { app: cut, logger } = testApp();
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"detectIntentResponseId":'));
        controller.error(new TypeError('the client went away'));
      },
    });
    const init = { method: 'POST', body: stream, duplex: 'half', headers: { 'content-type': 'application/json' } };
    const response = await cut.fetch()(new Request(`${URL_BASE}/webhook`, init as RequestInit));
    expect(response.status).toBe(408);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('ERR_REQUEST_INCOMPLETE');
    expect((await cut.metrics!.render()).body).toContain('fulfiller_requests_total{dialect="unknown",route="none",status="408"} 1');
    expect(logger.records.filter((record) => record.level === 'error')).toEqual([]);
  });

  it('serves the webhook at any path when mounted at its URL (webhookPath: null)', async () => {
    const mounted = fetchHandler(app, { webhookPath: null });
    const response = await mounted(request('/anything/here', { body, type: 'application/json' }));
    expect(response.status).toBe(200);
    checkBody('cx', await response.text());
  });
});

describe('Gateway: the type every adapter takes', () => {
  it('lets any object that answers HTTP requests stand behind an adapter', async () => {
    const seen: HttpRequest[] = [];
    const echo: Gateway = {
      ready: true,
      logger: new MemoryLogger(),
      async serve(incoming): Promise<HttpResult | undefined> {
        seen.push(incoming);
        const text = String(await incoming.body(100));
        return { status: 200, headers: { 'content-type': 'text/plain' }, body: `${incoming.method} ${incoming.path}?${incoming.query}: ${text}` };
      },
      close: async () => {},
    };
    const response = await fetchHandler(echo)(new Request(`${URL_BASE}/webhook?x=1`, { method: 'POST', body: 'hi' }));
    expect(await response.text()).toBe('POST /webhook?x=1: hi');
    expect(seen[0]).toMatchObject({ webhookPath: '/webhook', probes: true, headers: { 'content-type': 'text/plain;charset=UTF-8' } });
  });
});
