import { request as httpRequest, type Server } from 'node:http';
import { createServer, Metrics, type Exchange, type Fulfiller } from '../../src/index.js';
import { cxRequest, esRequest } from '../../src/testing/index.js';
import { testApp } from '../support/app.js';
import { close, listen, post } from '../support/http.js';
import { JSON_HEADERS } from '../support/requests.js';
import { checkBody, validResponse } from '../support/responses.js';

/** The value of one sample line of the exposition, e.g. `fulfiller_requests_total{...} 2`. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text
    .split('\n')
    .find(
      (l) => l.startsWith(`${name}{`) && wanted.every((w) => l.includes(w)) && l.slice(name.length + 1, l.indexOf('}')).split(',').length === wanted.length,
    );
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

/** POSTs `size` bytes of JSON in chunks, without a Content-Length: only the bytes received can pass the limit. */
function streamed(url: string, size: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    for (let sent = 0; sent < size; sent += 256) req.write(' '.repeat(256));
    req.end();
  });
}

// Durations are measured on the real monotonic clock, so the deadline here is real: the slow
// route never answers by itself, and a deadline cannot fire early, so however slow the machine
// the slow turn lands above the 25 ms bucket.
function appWithRoutes(): Fulfiller {
  const { app } = testApp({ deadlineMs: 50 });
  app.tag('ok', (turn) => void turn.say('fine'));
  app.intent('ok', (turn) => void turn.say('fine'));
  app.tag('boom', () => Promise.reject(new Error('backend down')));
  app.tag('slow', (turn) => new Promise<void>((resolve) => turn.signal.addEventListener('abort', () => resolve())));
  return app;
}

describe('metrics', () => {
  it('counts requests by dialect, route and status, latency, deadlines, fallbacks and errors', async () => {
    const app = appWithRoutes();
    const turn = async (body: object, dialect: 'cx' | 'es' = 'cx'): Promise<void> =>
      void validResponse(dialect as 'cx', await app.handle(JSON.stringify(body), JSON_HEADERS));
    await turn(cxRequest('ok').build());
    await turn(cxRequest('ok').build());
    await turn(esRequest('ok').build(), 'es');
    await turn(cxRequest('nobody').build());
    await turn(cxRequest('boom').build());
    await turn(cxRequest('slow').build());
    expect((await app.handle('{bad', JSON_HEADERS)).status).toBe(400);

    const { contentType, body } = await app.metrics!.render();
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(sample(body, 'fulfiller_requests_total', { dialect: 'cx', route: 'tag:ok', status: '200' })).toBe(2);
    expect(sample(body, 'fulfiller_requests_total', { dialect: 'es', route: 'intent:ok', status: '200' })).toBe(1);
    expect(sample(body, 'fulfiller_requests_total', { dialect: 'unknown', route: 'none', status: '400' })).toBe(1);
    expect(sample(body, 'fulfiller_fallbacks_total', { dialect: 'cx' })).toBe(1);
    expect(sample(body, 'fulfiller_errors_total', { dialect: 'cx', route: 'tag:boom', code: 'ERR_HANDLER_FAILED' })).toBe(1);
    expect(sample(body, 'fulfiller_deadline_exceeded_total', { dialect: 'cx', route: 'tag:slow' })).toBe(1);
    expect(sample(body, 'fulfiller_request_duration_seconds_count', { dialect: 'cx', route: 'tag:ok' })).toBe(2);
    expect(sample(body, 'fulfiller_request_duration_seconds_bucket', { dialect: 'cx', route: 'tag:slow', le: '0.025' })).toBe(0);
    expect(sample(body, 'fulfiller_request_duration_seconds_bucket', { dialect: 'cx', route: 'tag:slow', le: '+Inf' })).toBe(1);
    expect(body).toContain('fulfiller_jobs_in_flight 0');

    await turn(cxRequest('ok').build()); // after the first scrape: recorded directly
    expect(sample((await app.metrics!.render()).body, 'fulfiller_requests_total', { dialect: 'cx', route: 'tag:ok', status: '200' })).toBe(3);
  });

  it('counts jobs in flight', async () => {
    const { app } = testApp();
    let finish: () => void = () => {};
    await app.jobs.defer({ session: 's' }, 'k', () => new Promise<void>((resolve) => (finish = resolve)));
    expect((await app.metrics!.render()).body).toContain('fulfiller_jobs_in_flight 1');
    finish();
    await app.jobs.wait({ session: 's' }, 'k', 1000);
    expect((await app.metrics!.render()).body).toContain('fulfiller_jobs_in_flight 0');
  });

  it('keeps at most 100 route labels; the rest count as other', async () => {
    const metrics = new Metrics({ jobsInFlight: () => 0 });
    const exchange = (key: string): Exchange =>
      ({
        requestId: 'r',
        dialect: 'cx',
        headers: {},
        request: undefined,
        status: 200,
        body: '',
        outcome: 'handled',
        route: { kind: 'tag', key },
        ms: 1,
        errorCode: undefined,
      }) as Exchange;
    for (let i = 0; i < 150; i++) metrics.record(exchange(`tag-${i}`));
    const { body } = await metrics.render();
    expect(sample(body, 'fulfiller_requests_total', { dialect: 'cx', route: 'tag:tag-99', status: '200' })).toBe(1);
    expect(sample(body, 'fulfiller_requests_total', { dialect: 'cx', route: 'other', status: '200' })).toBe(50);
  });

  it('is off with metrics: false or FULFILLER_METRICS=off', () => {
    expect(testApp({ metrics: false }).app.metrics).toBeUndefined();
    expect(testApp({ env: { FULFILLER_METRICS: 'off' } }).app.metrics).toBeUndefined();
    expect(() => testApp({ env: { FULFILLER_METRICS: 'maybe' } })).toThrow(/FULFILLER_METRICS must be on or off/);
  });
});

describe('GET /metrics over HTTP', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer(appWithRoutes());
    base = await listen(server);
  });
  afterAll(() => close(server));

  it('serves the Prometheus text, counting the calls it saw', async () => {
    checkBody('cx', (await post(`${base}/webhook`, cxRequest('boom').build())).text);
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(sample(text, 'fulfiller_errors_total', { dialect: 'cx', route: 'tag:boom', code: 'ERR_HANDLER_FAILED' })).toBe(1);
    expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(405);
  });

  it('counts the calls refused at the HTTP layer: 405, 413 (declared and streamed), 415, and 400 (field report 9)', async () => {
    const { app } = testApp({ bodyLimit: 1024 });
    const refusedBy = createServer(app);
    const url = await listen(refusedBy);
    try {
      expect((await fetch(`${url}/webhook`)).status).toBe(405);
      expect((await fetch(`${url}/webhook`, { method: 'PUT', body: '{}', headers: JSON_HEADERS })).status).toBe(405);
      expect((await post(`${url}/webhook`, JSON.stringify({ pad: 'x'.repeat(2048) }))).status).toBe(413);
      expect(await streamed(`${url}/webhook`, 2048)).toBe(413);
      expect((await post(`${url}/webhook`, 'a=1', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
      expect((await post(`${url}/webhook`, '{bad')).status).toBe(400);
      const text = await (await fetch(`${url}/metrics`)).text();
      const refused = (status: string): number | undefined => sample(text, 'fulfiller_requests_total', { dialect: 'unknown', route: 'none', status });
      expect([refused('405'), refused('413'), refused('415'), refused('400')]).toEqual([2, 2, 1, 1]);
      expect(sample(text, 'fulfiller_request_duration_seconds_count', { dialect: 'unknown', route: 'none' })).toBe(6);
    } finally {
      await close(refusedBy);
    }
  });

  it('is 404 when metrics are off', async () => {
    const off = createServer(testApp({ metrics: false }).app);
    const url = await listen(off);
    try {
      expect((await fetch(`${url}/metrics`)).status).toBe(404);
    } finally {
      await close(off);
    }
  });
});
