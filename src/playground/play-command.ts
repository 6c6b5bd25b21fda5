import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import type { PlayArgs } from '../cli/play-args.js';
import { AppHost } from './app-host.js';
import { loadAgentView } from './load-agent-view.js';
import { readPageAssets } from './page-assets.js';
import { createPlayServer } from './play-server.js';
import type { PlayTarget } from './play-target.js';
import { hostsFor } from './request-guard.js';
import { UrlPlayTarget } from './url-play-target.js';
import { watchFolder, type FolderWatch } from './watch-folder.js';

type Out = (line: string) => void;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** A running playground: its URL (with the token) and how to stop it. */
export interface Playing {
  url: string;
  close(): Promise<void>;
}

/**
 * `fulfiller play --app FILE | --url URL`: serves the designers' playground on 127.0.0.1 (or
 * `--host`), prints its URL with a token made for this start, and keeps the app fresh: any
 * change under the app module's folder starts the app again. Stops on SIGINT and SIGTERM.
 * The command line is read by the CLI (cli/play-args.ts); an export or page that cannot be read throws.
 */
export async function playCommand(parsed: PlayArgs, env: NodeJS.ProcessEnv, out: Out): Promise<Playing> {
  const assets = await readPageAssets();
  const agent = parsed.agent === undefined ? undefined : await loadAgentView(parsed.agent);
  const fixturesDir = resolve(parsed.fixtures);
  let target: PlayTarget;
  let watcher: FolderWatch | undefined;
  if ('app' in parsed.target) {
    const file = resolve(parsed.target.app);
    const host = new AppHost(file, env, parsed.target.app);
    host.onStatus((status) => {
      if (status.state === 'failed') out(`the app failed: ${status.error?.message ?? 'unknown error'}`);
      else if (status.state === 'ready' && status.generation > 1) out('the app is reloaded');
    });
    host.restart();
    watcher = watchFolder(
      dirname(file),
      (files) => {
        out(`changed: ${files.slice(0, 3).join(', ')}${files.length > 3 ? ` and ${files.length - 3} more` : ''}; reloading the app`);
        host.restart();
      },
      { skip: [fixturesDir] },
    );
    target = host;
  } else {
    target = new UrlPlayTarget(parsed.target.url, parsed.auth);
  }
  const token = randomBytes(24).toString('base64url');
  const server = createPlayServer({ target, guard: { token, hosts: hostsFor(parsed.host) }, assets, fixturesDir, agent });
  const port = await listen(server, parsed.port, parsed.host);
  const shown = LOOPBACK.has(parsed.host) || parsed.host === '0.0.0.0' || parsed.host === '::' ? '127.0.0.1' : parsed.host;
  const url = `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}/?token=${token}`;
  if (!LOOPBACK.has(parsed.host)) {
    out(
      `warning: the playground listens on ${parsed.host}, not only on this machine: whoever reaches it with its URL ` +
        `can run your app's handlers, read its log lines and errors, and write fixtures. Use --host only on a network you trust.`,
    );
  }
  out(`fulfiller play: ${'app' in parsed.target ? parsed.target.app : parsed.target.url}`);
  out(`  open ${url}`);
  out(`  fixtures are saved to ${parsed.fixtures}; stop with Ctrl-C`);
  const close = async (): Promise<void> => {
    watcher?.close();
    target.close();
    await new Promise<void>((done) => {
      server.close(() => done());
      server.closeAllConnections();
    });
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void close());
  return { url, close };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      done((server.address() as AddressInfo).port);
    });
  });
}
