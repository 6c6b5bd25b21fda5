import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { relative } from 'node:path';
import { stat } from 'node:fs/promises';
import { FulfillerError, InternalError, NotFoundError, PlayRequestError } from '../index.js';
import { agentPicture } from './agent-picture.js';
import type { AgentView } from './agent-view.js';
import { checkPreviewRequest, checkSaveRequest, checkTurnRequest } from './check-request.js';
import { choicesFrom } from './choices.js';
import { findMasks } from './find-masks.js';
import { pageHtml, type PageAssets } from './page-assets.js';
import type { PlayTarget } from './play-target.js';
import { playTurn } from './play-turn.js';
import { checkRequest, type Guard } from './request-guard.js';
import { resultView } from './result-view.js';
import { saveFixture } from './save-fixture.js';
import type { PlayState, RunResult } from './view.js';

/** Everything the playground's server serves from. */
export interface PlayContext {
  target: PlayTarget;
  guard: Guard;
  assets: PageAssets;
  fixturesDir: string;
  agent: AgentView | undefined;
}

// The page sends the whole conversation with every turn: room for a long one.
const BODY_LIMIT = 8 * 1024 * 1024;
const HEARTBEAT_MS = 20_000;
// The page and its data never go to another site, and never into a cache.
const COMMON_HEADERS = { 'x-content-type-options': 'nosniff', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' };
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src * data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The playground's HTTP server: the page and its two assets, and the JSON API the page uses
 * (state, turns, fixtures, the agent picture, and a stream of the app's status). Every
 * request must pass the guard first (request-guard.ts).
 */
export function createPlayServer(context: PlayContext): Server {
  return createServer((req, res) => void respond(context, req, res));
}

async function respond(context: PlayContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://playground');
  const api = url.pathname.startsWith('/api/');
  try {
    checkRequest(req, url, context.guard);
    const route = `${req.method ?? 'GET'} ${url.pathname.replace(/^\/assets\/[^/]+\//, '/assets/')}`;
    switch (route) {
      case 'GET /':
        return send(res, 200, 'text/html; charset=utf-8', pageHtml(context.guard.token), { 'content-security-policy': CSP });
      case 'GET /assets/page.js':
        return send(res, 200, 'text/javascript; charset=utf-8', context.assets.js);
      case 'GET /assets/page.css':
        return send(res, 200, 'text/css; charset=utf-8', context.assets.css);
      case 'GET /api/state':
        return json(res, 200, state(context));
      case 'GET /api/events':
        return events(context, req, res);
      case 'GET /api/agent':
        if (context.agent === undefined) throw new NotFoundError('No agent: start the playground with --agent PATH to see it.');
        await context.target.settled();
        return json(res, 200, await agentPicture(context.agent, context.target.routes, context.fixturesDir));
      case 'POST /api/turn':
        return json(res, 200, await playTurn(checkTurnRequest(await readJson(req)), context.target));
      case 'POST /api/fixtures/preview': {
        const { dialect, turns } = checkPreviewRequest(await readJson(req));
        return json(res, 200, findMasks(dialect, turns));
      }
      case 'POST /api/fixtures/save':
        return json(res, 200, await saveFixture(checkSaveRequest(await readJson(req)), context.target, context.fixturesDir));
      case 'POST /api/fixtures/run':
        return json(res, 200, await runFixtures(context));
      default:
        throw new NotFoundError('No such page in the playground: open the URL that `fulfiller play` printed.');
    }
  } catch (error) {
    const known = error instanceof FulfillerError ? error : new InternalError();
    if (!(error instanceof FulfillerError))
      process.stderr.write(`fulfiller play: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    if (res.headersSent) return void res.end();
    if (api) json(res, known.status, known.toJSON());
    else send(res, known.status, 'text/plain; charset=utf-8', `${known.message}\n`);
  }
}

function state(context: PlayContext): PlayState {
  return {
    app: context.target.status,
    choices: choicesFrom(context.agent, context.target.routes),
    fixturesDir: relative(process.cwd(), context.fixturesDir) || '.',
    hasAgent: context.agent !== undefined,
    languages: ['en', 'ja'],
  };
}

async function runFixtures(context: PlayContext): Promise<RunResult> {
  const dir = relative(process.cwd(), context.fixturesDir) || '.';
  if (
    !(await stat(context.fixturesDir).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  )
    return { dir, results: [] };
  return { dir, results: (await context.target.run([{ file: context.fixturesDir }], false)).map(resultView) };
}

/** Server-sent events: the app's status now, and every change (a reload, a module that fails to load). */
function events(context: PlayContext, req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, { ...COMMON_HEADERS, 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive' });
  const push = (): boolean => res.write(`data: ${JSON.stringify(state(context))}\n\n`);
  push();
  const stop = context.target.onStatus(() => push());
  const heartbeat = setInterval(() => res.write(': still here\n\n'), HEARTBEAT_MS).unref();
  req.once('close', () => {
    stop();
    clearInterval(heartbeat);
  });
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('application/json')) throw new PlayRequestError('a body', `is ${type || 'untyped'}, not application/json`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > BODY_LIMIT) throw new PlayRequestError('a body', `is over ${BODY_LIMIT / 1024 / 1024} MiB: start a new session for a shorter conversation`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new PlayRequestError('a body', 'is not JSON');
  }
}

function json(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...COMMON_HEADERS, ...headers, 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
