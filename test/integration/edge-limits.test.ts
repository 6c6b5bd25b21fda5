import type { Server } from 'node:http';
import { connect } from 'node:net';
import { createServer, type MemoryLogger } from '../../src/index.js';
import { cxRequest } from '../../src/testing/index.js';
import { testApp } from '../support/app.js';
import { close, errorCode, listen, post } from '../support/http.js';
import { checkBody, textsOf } from '../support/responses.js';
import { REAL_TIME_BOUND_MS } from '../support/timing.js';

/**
 * Sends raw bytes, then waits for the server to answer or hang up; returns what it said, after
 * how long, and who hung up: the server, or the client giving up after `REAL_TIME_BOUND_MS`
 * (node's timeouts run on real time; the bound leaves room for a machine ten times slower).
 */
function rawExchange(base: string, chunks: string[]): Promise<{ text: string; ms: number; hungUpBy: 'server' | 'client' }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let hungUpBy: 'server' | 'client' = 'server';
    const socket = connect(Number(port), hostname, () => {
      for (const chunk of chunks) socket.write(chunk);
    });
    let text = '';
    socket.on('data', (data) => (text += data.toString()));
    socket.on('close', () => resolve({ text, ms: performance.now() - started, hungUpBy }));
    socket.on('error', reject);
    socket.setTimeout(REAL_TIME_BOUND_MS, () => {
      hungUpBy = 'client';
      socket.destroy();
    });
  });
}

describe('the HTTP edge: concurrency limit', () => {
  let server: Server;
  let base: string;
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  let arrived: () => void = () => {};

  beforeAll(async () => {
    const { app } = testApp({ deadlineMs: 5000 });
    app.tag('hold', async (turn) => {
      arrived();
      await gate;
      turn.say('released');
    });
    app.tag('quick', (turn) => void turn.say('quick'));
    server = createServer(app, { maxConcurrent: 2 });
    base = await listen(server);
  });
  afterAll(() => close(server));

  it('answers 503 with Retry-After past maxConcurrent, keeps probes up, and recovers', async () => {
    let count = 0;
    const bothArrived = new Promise<void>((resolve) => (arrived = () => ++count === 2 && resolve()));
    const held = [post(`${base}/webhook`, cxRequest('hold').build()), post(`${base}/webhook`, cxRequest('hold').build())];
    await bothArrived;
    const refused = await post(`${base}/webhook`, cxRequest('quick').build());
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(errorCode(refused)).toBe('ERR_OVERLOADED');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    release();
    for (const res of await Promise.all(held)) expect(textsOf(checkBody('cx', res.text) as object)).toEqual(['released']);
    const after = await post(`${base}/webhook`, cxRequest('quick').build());
    expect(textsOf(checkBody('cx', after.text) as object)).toEqual(['quick']);
  });
});

describe('the HTTP edge: slow clients', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const { app } = testApp();
    app.tag('quick', (turn) => void turn.say('quick'));
    server = createServer(app, { headersTimeoutMs: 300, requestTimeoutMs: 600 });
    base = await listen(server);
  });
  afterAll(() => close(server));

  it('drops a client that never finishes its headers (slowloris)', async () => {
    const { text, hungUpBy } = await rawExchange(base, ['POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n']);
    expect(text).toMatch(/^HTTP\/1\.1 408 /);
    expect(hungUpBy).toBe('server');
  });

  it('drops a client that never finishes its body', async () => {
    const head = 'POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n';
    const { text, ms, hungUpBy } = await rawExchange(base, [head, '{"detectIntentResponseId":']);
    expect(text).toMatch(/^HTTP\/1\.1 408 /);
    expect(ms).toBeGreaterThanOrEqual(500); // the request timeout (600 ms), not the headers timeout (300 ms): a timer never fires early
    expect(hungUpBy).toBe('server');
  });

  it('still serves clients that are quick', async () => {
    const res = await post(`${base}/webhook`, cxRequest('quick').build());
    expect(textsOf(checkBody('cx', res.text) as object)).toEqual(['quick']);
  });

  it('refuses limits that cannot work', () => {
    const { app } = testApp();
    expect(() => createServer(app, { maxConcurrent: 0 })).toThrow(/maxConcurrent/);
    expect(() => createServer(app, { headersTimeoutMs: 2000, requestTimeoutMs: 1000 })).toThrow(/headersTimeoutMs/);
  });
});

describe('the HTTP edge: slow senders do not crowd out complete calls (field report 1)', () => {
  const SLOW_SENDERS = 12;
  let server: Server;
  let base: string;
  let logger: MemoryLogger;
  let received = 0;

  beforeAll(async () => {
    const made = testApp();
    logger = made.logger;
    made.app.tag('quick', (turn) => void turn.say('quick'));
    // Two slots for twelve slow senders. The request timeout is a hundred times what a quick call needs here.
    server = createServer(made.app, { maxConcurrent: 2, headersTimeoutMs: 1000, requestTimeoutMs: 2000 });
    server.on('request', () => received++);
    base = await listen(server);
  });
  afterAll(() => close(server));

  it('answers complete calls while slow senders hold their connections, then sends the slow ones 408', async () => {
    const head = 'POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n';
    let slowAnswered = 0;
    const slow = Array.from({ length: SLOW_SENDERS }, () =>
      rawExchange(base, [head, '{"detectIntentResponseId":']).then((exchange) => {
        slowAnswered++;
        return exchange.text;
      }),
    );
    while (received < SLOW_SENDERS) await new Promise((resolve) => setTimeout(resolve, 10)); // every slow body is being read

    const quick = await Promise.all(Array.from({ length: 6 }, () => post(`${base}/webhook`, cxRequest('quick').build())));
    expect(slowAnswered).toBe(0); // the slow senders were all still connected
    for (const res of quick) expect(textsOf(checkBody('cx', res.text) as object)).toEqual(['quick']);

    for (const text of await Promise.all(slow)) expect(text).toMatch(/^HTTP\/1\.1 408 /);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain('fulfiller_requests_total{dialect="cx",route="tag:quick",status="200"} 6');
    expect(metrics).toContain(`fulfiller_requests_total{dialect="unknown",route="none",status="408"} ${SLOW_SENDERS}`);
    expect(logger.records.filter((record) => record.level === 'error')).toEqual([]);
  });
});
