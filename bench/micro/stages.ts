import { readFileSync } from 'node:fs';
import { distModule } from './dist-module.js';
import type { Turn } from '../../src/dialects/turn.js';

/** One micro-benchmark: a name and the operation. */
export interface Stage {
  name: string;
  fn: () => unknown;
}

type Index = typeof import('../../src/index.js');
type CreateTurn = typeof import('../../src/dialects/create-turn.js');
type RouterModule = typeof import('../../src/core/router.js');
type HeadersModule = typeof import('../../src/http/headers.js');
type RequestIdModule = typeof import('../../src/core/request-id.js');

// What node:http hands the adapter for a Dialogflow call behind Google's front end.
const NODE_HEADERS = {
  host: 'webhook.example.com',
  'content-type': 'application/json',
  'content-length': '1975',
  'user-agent': 'Google-Dialogflow',
  accept: '*/*',
  'accept-encoding': 'gzip, deflate, br',
  'x-forwarded-for': '66.249.84.1',
  'x-forwarded-proto': 'https',
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
};

/**
 * The per-request stages of the pipeline, each alone, on the benchmark's payloads, plus the
 * whole `app.handle()` in process (no HTTP) with logging off and at info: the difference
 * between the sum of the stages, `handle()` and a served request shows where time goes.
 */
export async function stages(): Promise<Stage[]> {
  const { createFulfiller, detectDialect, validateSchema } = await distModule<Index>('index.js');
  const { createTurn } = await distModule<CreateTurn>('dialects/create-turn.js');
  const { Router } = await distModule<RouterModule>('core/router.js');
  const { normalizeHeaders } = await distModule<HeadersModule>('http/headers.js');
  const { requestIdFrom } = await distModule<RequestIdModule>('core/request-id.js');
  const appModule = new URL('../apps/order-status.js', import.meta.url).href;
  const { default: setup } = (await import(appModule)) as { default: (app: InstanceType<Index['Fulfiller']>) => void };

  const text = (name: string) => readFileSync(new URL(`../payloads/${name}-request.json`, import.meta.url), 'utf8');
  const cxText = text('cx');
  const esText = text('es');
  const cxBytes = Buffer.from(cxText);
  const esBytes = Buffer.from(esText);
  const cx = JSON.parse(cxText) as Record<string, unknown>;
  const es = JSON.parse(esText) as Record<string, unknown>;
  const app = (logLevel: string) => {
    const created = createFulfiller({ env: { NODE_ENV: 'production', LOG_LEVEL: logLevel } });
    setup(created);
    return created;
  };
  const silent = app('silent');
  const info = app('info'); // the default logger on stdout, which the harness sends to /dev/null as for the servers
  const context = { requestId: 'bench', signal: new AbortController().signal, log: silent.options.logger, headers: {}, jobs: silent.jobs };
  const turn = (): Turn => createTurn('cx', cx, context, silent.options);
  const routed = turn();
  const answered = turn();
  answered.say('Hello Hanako Sato, your order A-1003 is preparing for shipment.');
  const response = answered.toResponse();
  const headers = { 'content-type': 'application/json' };
  // The route table as the app keeps it: the order-status app's routes, looked up as the pipeline does (tag, then intent).
  const router = new Router<Turn>();
  for (const kind of ['tag', 'intent'] as const) router.add(kind, 'order.status', {}, [() => undefined]);
  const findRoute = (t: Turn) => router.find('tag', t.tag, t) ?? router.find('intent', t.intent, t);

  return [
    { name: 'JSON.parse, CX body (reference)', fn: () => JSON.parse(cxText) },
    { name: 'detect dialect, CX', fn: () => detectDialect(cx) },
    { name: 'validate request, CX', fn: () => validateSchema('cx', 'request', cx) },
    { name: 'validate request, ES', fn: () => validateSchema('es', 'request', es) },
    { name: 'create turn, CX', fn: turn },
    { name: 'route, CX', fn: () => findRoute(routed) },
    {
      name: 'build response, CX (turn, say, toResponse)',
      fn: () => {
        const t = turn();
        t.say('Hello Hanako Sato, your order A-1003 is preparing for shipment.');
        return t.toResponse();
      },
    },
    { name: 'validate response, CX', fn: () => validateSchema('cx', 'response', response) },
    { name: 'JSON.stringify response, CX', fn: () => JSON.stringify(response) },
    { name: 'normalize headers (node:http object)', fn: () => normalizeHeaders(NODE_HEADERS) },
    { name: 'new request id', fn: () => requestIdFrom(undefined) },
    { name: 'new AbortController().signal', fn: () => new AbortController().signal },
    {
      name: 'log a turn at info (2 child loggers, 1 line)',
      fn: () => info.options.logger.child({ requestId: 'bench' }).child({ dialect: 'cx' }).info({ outcome: 'handled', status: 200, ms: 0.1 }, 'turn answered'),
    },
    { name: 'app.handle, CX, LOG_LEVEL=silent', fn: () => silent.handle(cxBytes, headers) },
    { name: 'app.handle, CX, LOG_LEVEL=info', fn: () => info.handle(cxBytes, headers) },
    { name: 'app.handle, ES, LOG_LEVEL=silent', fn: () => silent.handle(esBytes, headers) },
    { name: 'app.handle, ES, LOG_LEVEL=info', fn: () => info.handle(esBytes, headers) },
  ];
}
