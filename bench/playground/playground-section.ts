import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Pinning } from '../process/cpu-pinning.js';
import { median } from '../report/stats.js';

/** What a turn through `fulfiller play` costs on top of `app.handle()`, medians in ms. */
export interface PlaygroundResult {
  turns: number;
  /** `app.handle()` in this process, on the request the playground sends. */
  handleMs: number;
  /** `app.handle()` as the playground's app process timed it. */
  handleInPlaygroundMs: number;
  /** POST /api/turn and its answer, over loopback HTTP: the page's side of a turn. */
  turnMs: number;
  /** turnMs − handleMs. */
  addedMs: number;
}

const root = new URL('../../', import.meta.url);
const APP = fileURLToPath(new URL('bench/apps/order-status.js', root));
const INPUT = {
  dialect: 'cx',
  languageCode: 'en',
  session: 'bench',
  tag: 'order.status',
  text: 'where is my order',
  params: { customer_name: 'Hanako', order_number: 'A-1003' },
};

/**
 * The playground's overhead: `fulfiller play` (the built CLI, pinned like a server) serves the
 * benchmark's app, and turns go through its API one after the other, as a designer's clicks
 * do; `app.handle()` of the same app and request runs in this process in alternated blocks,
 * so that both medians come from the same minutes of the same machine.
 */
export async function runPlaygroundSection(quick: boolean, pinning: Pinning, log: (line: string) => void): Promise<PlaygroundResult> {
  log('playground: a turn through fulfiller play against app.handle()…');
  const [command, ...args] = [
    ...pinning.serverPrefix,
    process.execPath,
    fileURLToPath(new URL('dist/lib/cli/main.js', root)),
    'play',
    '--app',
    APP,
    '--port',
    '0',
  ];
  const child = spawn(command!, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production' } });
  try {
    const url = new URL(await printedUrl(child.stdout!));
    // node:http on one kept-alive connection, as lean a client as the page's browser: undici's
    // fetch would add its own 0.3 ms or so to every turn, which is not the playground's.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const payload = JSON.stringify({ input: INPUT, history: [] });
    const turn = async (): Promise<{ sent: unknown; ms: number }> => {
      const view = JSON.parse(await post(agent, url, payload)) as { status: number; sent: unknown; ms: number };
      if (view.status !== 200) throw new Error(`a turn through the playground got ${view.status}`);
      return view;
    };
    const { createFulfiller } = (await import(new URL('dist/lib/index.js', root).href)) as typeof import('../../src/index.js');
    const setup = ((await import(new URL('bench/apps/order-status.js', root).href)) as { default: (app: unknown) => void }).default;
    const app = createFulfiller({ mode: 'production', env: { LOG_LEVEL: 'silent' } });
    setup(app);
    const body = JSON.stringify((await turn()).sent);
    const headers = { 'content-type': 'application/json' };

    const blocks = quick ? 3 : 10;
    const perBlock = quick ? 100 : 300;
    const handle: number[] = [];
    const inPlayground: number[] = [];
    const through: number[] = [];
    for (let block = -1; block < blocks; block++) {
      const warmup = block === -1; // the first block warms both up and is not counted
      for (let i = 0; i < perBlock; i++) {
        const started = performance.now();
        await app.handle(body, headers);
        if (!warmup) handle.push(performance.now() - started);
      }
      for (let i = 0; i < perBlock; i++) {
        const started = performance.now();
        const { ms } = await turn();
        if (warmup) continue;
        through.push(performance.now() - started);
        inPlayground.push(ms);
      }
    }
    await app.close({ graceMs: 100 });
    agent.destroy();
    const result = { turns: through.length, handleMs: median(handle), handleInPlaygroundMs: median(inPlayground), turnMs: median(through), addedMs: 0 };
    return { ...result, addedMs: result.turnMs - result.handleMs };
  } finally {
    child.kill('SIGTERM');
  }
}

function post(agent: Agent, url: URL, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-play-token': url.searchParams.get('token')! };
    const req = request({ agent, host: url.hostname, port: url.port, path: '/api/turn', method: 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve(text));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function printedUrl(stdout: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const found = /open (http:\/\/\S+)/.exec(text);
      if (found !== null) resolve(found[1]!);
    });
    stdout.once('end', () => reject(new Error(`fulfiller play did not start:\n${text}`)));
  });
}
