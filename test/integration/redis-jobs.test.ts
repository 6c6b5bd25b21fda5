import type { Server } from 'node:http';
import demo from '../../demo/app.js';
import { Cache, createFulfiller, createServer, RedisStore, sign, type Fulfiller } from '../../src/index.js';
import { fakeClock, cxRequest } from '../../src/testing/index.js';
import { cxRequest as demoCx, esRequest as demoEs, sessionName } from '../demo/requests.js';
import { startCli, stopCli, type CliProcess } from '../support/cli.js';
import { close, freePort, listen, post, waitUntilUp } from '../support/http.js';
import { testApp } from '../support/app.js';
import { checkBody, textsOf } from '../support/responses.js';
import { eventually, gate, REAL_TIME_BOUND_MS } from '../support/timing.js';
import { describeWithRedis, startRedis, type RedisServer } from '../store/redis-server.js';

const READY = /Your report for ACC-1 is ready\. Monthly spending: .*2026-10: 37,000 yen/;

/** One instance: an app with its own Redis connection, served over loopback HTTP. */
interface Instance {
  app: Fulfiller;
  url: string;
  stop(): Promise<void>;
}

async function serve(app: Fulfiller): Promise<Instance> {
  const server: Server = createServer(app);
  const url = `${await listen(server)}/webhook`;
  return { app, url, stop: () => close(server).then(() => app.close({ graceMs: 1000 })) };
}

async function say(instance: { url: string }, body: object, dialect: 'cx' | 'es' = 'cx'): Promise<string> {
  const res = await post(instance.url, body);
  expect(res.status).toBe(200);
  return textsOf(checkBody(dialect, res.text) as object).join('\n');
}

describeWithRedis('several instances on one Redis', () => {
  let redis: RedisServer;
  const instances: Instance[] = [];
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await Promise.all(instances.map((i) => i.stop()));
    await redis.stop();
  });

  /** A plain app whose jobs and cache live in Redis; `backend` counts the calls across instances and says when the job may end. */
  async function instance(backend: { calls: number; done?: Promise<void> }): Promise<Instance> {
    const store = new RedisStore({ url: redis.url, keyPrefix: 'test-jobs:' });
    const { app } = testApp({ store });
    const cache = new Cache({ store, name: 'rates', ttlMs: 60_000 });
    app.tag('job.start', async (turn) => {
      await app.jobs.defer(turn, 'total', async () => {
        backend.calls++;
        await backend.done;
        return { total: 37000 };
      });
      turn.say('Processing. Please wait a moment.');
    });
    app.tag('job.check', async (turn) => {
      const job = await app.jobs.get<{ total: number }>(turn, 'total');
      turn.say(job === undefined ? 'nothing' : job.status === 'done' ? `total ${job.result.total}` : job.status);
    });
    app.tag('rate', async (turn) => void turn.say(await cache.get('jpy', async () => (backend.calls++, '150 yen'))));
    app.onClose(() => store.close());
    const served = await serve(app);
    instances.push(served);
    return served;
  }

  it('a job started on one instance is collected on another, over HTTP', async () => {
    const job = gate();
    const backend = { calls: 0, done: job.work };
    const [a, b] = [await instance(backend), await instance(backend)];
    expect(await say(a, cxRequest('job.start').build())).toBe('Processing. Please wait a moment.');
    expect(await say(b, cxRequest('job.start').build())).toBe('Processing. Please wait a moment.'); // already running: not started again
    expect(await say(b, cxRequest('job.check').build())).toBe('running');
    job.open();
    await a.app.jobs.wait({ session: cxRequest('job.start').build().sessionInfo!.session! }, 'total', REAL_TIME_BOUND_MS); // its end is in Redis
    expect(await say(b, cxRequest('job.check').build())).toBe('total 37000');
    expect(backend.calls).toBe(1);
  });

  it('the cache is shared: one backend call for both instances', async () => {
    const backend = { calls: 0 };
    const [a, b] = [await instance(backend), await instance(backend)];
    expect(await say(a, cxRequest('rate').build())).toBe('150 yen');
    expect(await say(b, cxRequest('rate').build())).toBe('150 yen');
    expect(backend.calls).toBe(1);
  });

  it('REDIS_URL makes the demo share reports: generated on one instance, collected on the other', async () => {
    const env = { REDIS_URL: redis.url, DEMO_TODAY: '2026-11-27', DEMO_REPORT_MS: '400' };
    const clock = fakeClock(); // the report waits on it; Redis and HTTP run on real time
    const [a, b] = await Promise.all(
      [1, 2].map(async () => {
        const app = createFulfiller({ mode: 'test', env, clock });
        expect(app.options.store).toBeInstanceOf(RedisStore);
        demo(app);
        const served = await serve(app);
        instances.push(served);
        return served;
      }),
    );
    const input = { params: { account_id: 'ACC-1' }, session: 'across-instances' };
    expect(await say(a, demoCx({ name: 'report.generate', ...input }))).toBe('Processing. Please wait a moment.');
    expect(await say(b, demoEs({ name: 'report.status', ...input, session: 'es-session' }), 'es')).toMatch(/no report for ACC-1/); // another conversation
    expect(await say(b, demoCx({ name: 'report.status', ...input }))).toBe('Still working on the report. Please ask again in a moment.');
    await clock.advance(400);
    await a.app.jobs.wait({ session: sessionName('cx', input.session) }, 'report:ACC-1', REAL_TIME_BOUND_MS); // its end is in Redis (the fake clock stands still: only the job's end ends the wait)
    expect(await say(b, demoCx({ name: 'report.status', ...input }))).toMatch(READY);
  });

  it('replay protection is shared: a signed call replayed to another instance is refused', async () => {
    const secret = `whsec_${Buffer.from('a shared secret of 32 bytes!!!!!').toString('base64')}`;
    const env = { REDIS_URL: redis.url, FULFILLER_HMAC_SECRETS: secret };
    const [a, b] = await Promise.all(
      [1, 2].map(async () => {
        const app = createFulfiller({ mode: 'test', env });
        app.tag('hello', (turn) => void turn.say('Hello.'));
        const served = await serve(app);
        instances.push(served);
        return served;
      }),
    );
    const body = JSON.stringify(cxRequest('hello').build());
    const id = `msg_${Date.now()}`;
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': sign({ secret, id, timestamp, body }),
    };
    const first = await post(a.url, body, headers);
    expect(textsOf(checkBody('cx', first.text) as object)).toEqual(['Hello.']);
    const replayed = await post(b.url, body, headers);
    expect(replayed.status).toBe(401);
  });

  it('two `fulfiller serve` processes of the demo hand the report across', async () => {
    const env = { REDIS_URL: redis.url, DEMO_TODAY: '2026-11-27', DEMO_REPORT_MS: '300', LOG_LEVEL: 'warn' };
    const children: (CliProcess & { url: string })[] = [];
    try {
      for (let i = 0; i < 2; i++) {
        const port = await freePort();
        const cli = startCli(['serve', '--app', 'demo/app.ts', '--port', String(port), '--host', '127.0.0.1'], env);
        children.push({ ...cli, url: `http://127.0.0.1:${port}/webhook` });
      }
      for (const { child, url, output } of children) await waitUntilUp(url.replace('/webhook', '/healthz'), child, output);
      const [a, b] = children;
      const input = { params: { account_id: 'ACC-1' }, session: 'two-processes' };
      expect(await say(a!, demoEs({ name: 'report.generate', ...input }), 'es')).toBe('Processing. Please wait a moment.');
      // Real processes on real time: the report takes 300 ms there; ask until it is ready.
      const text = await eventually('the report is ready on the other process', async () => {
        const answer = await say(b!, demoEs({ name: 'report.status', ...input }), 'es');
        return READY.test(answer) ? answer : undefined;
      });
      expect(text).toMatch(READY);
    } finally {
      await Promise.all(children.map(stopCli));
    }
  }, 60_000);
});
