import { request as httpRequest, type Server } from 'node:http';
import { apiKey, createServer, httpError, type Fulfiller } from '../../src/index.js';
import { fakeClock, testClient } from '../../src/testing/index.js';
import { testApp } from '../support/app.js';
import { close, listen } from '../support/http.js';
import { cxRequest } from '../../src/testing/index.js';
import { checkBody, textsOf } from '../support/responses.js';

/**
 * Typed JSON endpoints on the standalone server, beside the webhook: routing by method and
 * path, the bad-input table (405 with Allow, 404 JSON, 400 naming the field, refused path
 * parameters, a result the schema refuses), auth, deadline and the handler's call.
 */
const order = {
  type: 'object',
  properties: { number: { type: 'string' }, status: { type: 'string', enum: ['preparing', 'shipped'] }, total: { type: 'number' } },
  required: ['number', 'status', 'total'],
  additionalProperties: false,
} as const;

function ordersApp(options: Parameters<typeof testApp>[0] = {}): Fulfiller {
  const { app } = testApp(options);
  app.tag('hello', (turn) => void turn.say('Hello'));
  app.endpoint(
    {
      method: 'GET',
      path: '/orders/{orderNumber}',
      description: 'Looks up an order by its number.',
      query: { type: 'object', properties: { verbose: { type: 'boolean' } }, additionalProperties: false },
      response: order,
    },
    ({ params, query }) => {
      if (params.orderNumber === 'A-404') throw httpError(404, `No order ${params.orderNumber}.`, { code: 'ORDER_NOT_FOUND' });
      if (params.orderNumber === 'A-500') throw new Error('database down');
      if (params.orderNumber === 'BAD') return { number: 'BAD', status: 'lost', total: 1 } as never;
      return { number: params.orderNumber, status: query.verbose === true ? 'shipped' : 'preparing', total: 12.5 };
    },
  );
  app.endpoint(
    {
      method: 'POST',
      path: '/customers/validate',
      description: 'Checks a customer id.',
      request: {
        type: 'object',
        properties: { customer: { type: 'object', properties: { id: { type: 'string', pattern: '^\\d+$' } }, required: ['id'] } },
        required: ['customer'],
      },
      response: { type: 'object', properties: { valid: { type: 'boolean' }, caller: { type: 'string' } }, required: ['valid'] },
    },
    ({ body, caller }) => ({ valid: body.customer.id === '12345', caller: caller?.id ?? 'anonymous' }),
  );
  return app;
}

async function call(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    json: JSON.parse(text) as Record<string, unknown> & { error?: { code: string; path?: string; message: string } },
  };
}

/** A GET with the path exactly as given: fetch() would resolve `..` and `%2e%2e` before sending. */
function rawGet(base: string, path: string): Promise<{ status: number; json: { error?: { code: string; path?: string; message: string } } }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, path, method: 'GET' }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => void (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as never }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('endpoints on the standalone server', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer(ordersApp());
    base = await listen(server);
  });
  afterAll(() => close(server));

  it('serves an endpoint with its typed path and query parameters', async () => {
    const got = await call(base, 'GET', '/orders/A-1003?verbose=true');
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toMatch(/^application\/json/);
    expect(got.json).toEqual({ number: 'A-1003', status: 'shipped', total: 12.5 });
    expect((await call(base, 'GET', '/orders/A%2D1003')).json.number).toBe('A-1003');
  });

  it('keeps the webhook at /webhook on the same server', async () => {
    const response = await fetch(`${base}/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(cxRequest('hello').build()),
    });
    expect(textsOf(checkBody('cx', await response.text()) as object)).toEqual(['Hello']);
  });

  it('checks the body against the request schema and names the failing field', async () => {
    expect((await call(base, 'POST', '/customers/validate', { customer: { id: '12345' } })).json).toEqual({ valid: true, caller: 'anonymous' });
    const bad = await call(base, 'POST', '/customers/validate', { customer: { id: 'abc' } });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ code: 'ERR_INVALID_REQUEST', path: 'body.customer.id' });
    expect(bad.json.error!.message).toContain('POST /customers/validate');
    const missing = await call(base, 'POST', '/customers/validate', {});
    expect(missing.json.error).toMatchObject({ code: 'ERR_INVALID_REQUEST', path: 'body.customer' });
    expect((await call(base, 'POST', '/customers/validate', '{"customer":')).json.error!.code).toBe('ERR_MALFORMED_JSON');
  });

  it('checks the query and names the parameter', async () => {
    const bad = await call(base, 'GET', '/orders/A-1?verbose=maybe');
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ code: 'ERR_INVALID_REQUEST', path: 'query.verbose' });
    expect((await call(base, 'GET', '/orders/A-1?colour=red')).json.error).toMatchObject({ path: 'query.colour' });
  });

  it('answers a wrong method with 405 and Allow', async () => {
    const got = await call(base, 'DELETE', '/orders/A-1');
    expect(got.status).toBe(405);
    expect(got.headers.get('allow')).toBe('GET');
    expect(got.json.error!.code).toBe('ERR_METHOD_NOT_ALLOWED');
  });

  it('answers an unknown path with 404 JSON', async () => {
    const got = await call(base, 'GET', '/nowhere');
    expect(got.status).toBe(404);
    expect(got.json.error!.code).toBe('ERR_NOT_FOUND');
    expect((await call(base, 'GET', '/orders/A-1/items')).status).toBe(404);
  });

  it.each([
    ['/orders/..', 'dot segment'],
    ['/orders/%2e%2e', 'dot segment'],
    ['/orders/a%2Fb', 'slash'],
    ['/orders/a%5Cb', 'slash'],
    ['/orders/%E0%A4%A', 'percent-encoding'],
    ['/orders/a%00b', 'control character'],
  ])('refuses the path parameter of %s', async (path, reason) => {
    const got = await rawGet(base, path);
    expect(got.status).toBe(400);
    expect(got.json.error).toMatchObject({ code: 'ERR_INVALID_PATH_PARAMETER', path: 'params.orderNumber' });
    expect(got.json.error!.message).toContain(reason);
  });

  it('answers a thrown httpError with its status and code, and a crash with an opaque 500', async () => {
    const missing = await call(base, 'GET', '/orders/A-404');
    expect(missing.status).toBe(404);
    expect(missing.json.error).toEqual({ code: 'ORDER_NOT_FOUND', message: 'No order A-404.' });
    const crash = await call(base, 'GET', '/orders/A-500');
    expect(crash.status).toBe(500);
    expect(crash.json.error!.code).toBe('ERR_HANDLER_FAILED');
    expect(JSON.stringify(crash.json)).not.toContain('database down');
  });

  it('counts the calls per endpoint in /metrics, by path template and status', async () => {
    await call(base, 'GET', '/orders/A-1003');
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toMatch(/^fulfiller_endpoint_requests_total\{method="GET",path="\/orders\/\{orderNumber\}",status="200"\} [1-9]/m);
    expect(text).toMatch(/^fulfiller_endpoint_requests_total\{method="GET",path="\/orders\/\{orderNumber\}",status="404"\} [1-9]/m);
    expect(text).toContain('fulfiller_endpoint_request_duration_seconds_count{method="GET",path="/orders/{orderNumber}"}');
  });

  it('refuses a result the response schema refuses, naming the field (test mode)', async () => {
    const got = await call(base, 'GET', '/orders/BAD');
    expect(got.status).toBe(500);
    expect(got.json.error).toMatchObject({ code: 'ERR_INVALID_RESPONSE', path: 'status' });
    expect(got.json.error!.message).toContain('GET /orders/{orderNumber}');
  });
});

describe('endpoints in production mode', () => {
  it('logs a result the schema refuses and answers an opaque 500', async () => {
    const { app, logger } = testApp({ mode: 'production' });
    app.endpoint({ method: 'GET', path: '/x', description: 'x', response: { type: 'integer' } }, () => 'seven' as never);
    const server = createServer(app);
    const base = await listen(server);
    try {
      const got = await call(base, 'GET', '/x');
      expect(got.status).toBe(500);
      expect(got.json.error!.code).toBe('ERR_INTERNAL');
      expect(logger.records.some((r) => r.fields.code === 'ERR_INVALID_RESPONSE' && r.level === 'error')).toBe(true);
    } finally {
      await close(server);
    }
  });
});

describe('endpoints behind auth', () => {
  it('runs the same verifiers as the webhook and hands the caller to the handler', async () => {
    const server = createServer(ordersApp({ auth: apiKey({ keys: ['k1'] }) }));
    const base = await listen(server);
    try {
      expect((await call(base, 'POST', '/customers/validate', { customer: { id: '1' } })).status).toBe(401);
      const ok = await call(base, 'POST', '/customers/validate', { customer: { id: '1' } }, { 'x-api-key': 'k1' });
      expect(ok.json).toEqual({ valid: false, caller: 'key-1' });
    } finally {
      await close(server);
    }
  });
});

describe('endpoints within the limits the webhook has', () => {
  it("answers 504 at the deadline and aborts the handler's signal (on the injected clock)", async () => {
    const clock = fakeClock();
    const { app } = testApp({ clock });
    let aborted: unknown;
    app.endpoint({ method: 'GET', path: '/slow', description: 'Waits for ever.', response: { type: 'object' }, deadlineMs: 1000 }, ({ signal }) => {
      return new Promise<{ done: boolean }>((_resolve, reject) =>
        signal.addEventListener('abort', () => {
          aborted = signal.reason;
          reject(signal.reason);
        }),
      );
    });
    const pending = testClient(app).call({ method: 'GET', path: '/slow' });
    await clock.advance(1000);
    const reply = await pending;
    expect(reply).toMatchObject({ status: 504, error: { code: 'ERR_DEADLINE_EXCEEDED' } });
    expect(aborted).toMatchObject({ code: 'ERR_DEADLINE_EXCEEDED' });
  });

  it('refuses calls once the app is shutting down', async () => {
    const { app } = testApp();
    app.endpoint({ method: 'GET', path: '/ping', description: 'Pong.', response: { type: 'object' } }, () => ({ pong: true }));
    await app.close({ graceMs: 100 });
    expect(await testClient(app).call({ method: 'GET', path: '/ping' })).toMatchObject({ status: 503, error: { code: 'ERR_SHUTTING_DOWN' } });
  });

  it("takes a slot of the server's concurrency limit: one call too many gets 503 with Retry-After", async () => {
    const { app } = testApp();
    let release: () => void = () => {};
    let entered: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const inside = new Promise<void>((resolve) => (entered = resolve));
    app.endpoint({ method: 'GET', path: '/busy', description: 'Holds its slot.', response: { type: 'object' } }, async () => {
      entered();
      await gate;
      return { done: true };
    });
    const server = createServer(app, { maxConcurrent: 1 });
    const base = await listen(server);
    try {
      const first = fetch(`${base}/busy`);
      await inside; // the first call holds the only slot
      const second = await fetch(`${base}/busy`);
      expect(second.status).toBe(503);
      expect(second.headers.get('retry-after')).toBe('1');
      release();
      expect((await first).status).toBe(200);
    } finally {
      release();
      await close(server);
    }
  });
});

describe('a fixed path beside a parameter path of the same shape', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const { app } = testApp();
    const list = { type: 'object', properties: { kind: { type: 'string' }, keys: { type: 'array', items: { type: 'string' } } }, required: ['kind'] } as const;
    app.endpoint(
      { method: 'POST', path: '/orders/recent', description: 'Recent orders.', request: { type: 'object' }, response: list },
      ({ params, query }) => ({
        kind: 'recent',
        keys: [...Object.keys(params), ...Object.keys(query)],
      }),
    );
    app.endpoint({ method: 'GET', path: '/orders/recent', description: 'Recent orders, read.', response: list }, () => {
      throw new Error('synchronous crash');
    });
    app.endpoint({ method: 'DELETE', path: '/orders/{orderNumber}', description: 'Cancels an order.', response: list }, ({ params }) => ({
      kind: params.orderNumber,
    }));
    server = createServer(app);
    base = await listen(server);
  });
  afterAll(() => close(server));

  it('sends each method to its own endpoint, the fixed one first', async () => {
    expect((await call(base, 'POST', '/orders/recent', {})).json).toEqual({ kind: 'recent', keys: [] });
    expect((await call(base, 'POST', '/orders/recent?page=2', {})).json).toEqual({ kind: 'recent', keys: ['page'] });
    // The fixed path does not take DELETE: the parameter path does, with "recent" as its value.
    expect((await call(base, 'DELETE', '/orders/recent')).json).toEqual({ kind: 'recent' });
    expect((await call(base, 'DELETE', '/orders/A-1')).json).toEqual({ kind: 'A-1' });
  });

  it('answers a method neither takes with 405 and every method the path takes', async () => {
    const got = await call(base, 'PATCH', '/orders/recent', {});
    expect(got.status).toBe(405);
    expect(got.headers.get('allow')?.split(/,\s*/).sort()).toEqual(['DELETE', 'GET', 'POST']);
  });

  it('answers a handler that throws before returning with an opaque 500', async () => {
    const got = await call(base, 'GET', '/orders/recent');
    expect(got.status).toBe(500);
    expect(got.json.error!.code).toBe('ERR_HANDLER_FAILED');
    expect(JSON.stringify(got.json)).not.toContain('synchronous crash');
  });

  it('counts each method of one path template apart in /metrics', async () => {
    await call(base, 'POST', '/orders/recent', {});
    await call(base, 'GET', '/orders/recent');
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toMatch(/^fulfiller_endpoint_requests_total\{method="POST",path="\/orders\/recent",status="200"\} [1-9]/m);
    expect(text).toMatch(/^fulfiller_endpoint_requests_total\{method="GET",path="\/orders\/recent",status="500"\} [1-9]/m);
  });
});
