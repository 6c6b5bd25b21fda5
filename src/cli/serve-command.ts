import { parseArgs } from 'node:util';
import type { Server } from 'node:http';
import type { Fulfiller } from '../core/fulfiller.js';
import { checkDeadline } from '../core/options.js';
import { InvalidOptionError } from '../errors.js';
import { loadApp } from './load-app.js';

const USAGE = 'usage: fulfiller serve --app FILE [--port N] [--host H] [--deadline-ms N]';

/** A running server and how to stop it. */
export interface Serving {
  app: Fulfiller;
  server: Server;
  url: string;
}

/** `fulfiller serve`: loads the app module and serves it on node:http. */
export async function serveCommand(args: readonly string[], env: NodeJS.ProcessEnv): Promise<Serving> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      app: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'deadline-ms': { type: 'string' },
    },
    strict: true,
  });
  if (values.app === undefined) throw new InvalidOptionError(`--app is required. ${USAGE}`);
  const port = toInt(values.port ?? env.PORT ?? '8080', '--port / PORT');
  const deadline = values['deadline-ms'];
  const app = await loadApp(values.app, {
    env,
    ...(deadline === undefined ? {} : { deadlineMs: checkDeadline(toInt(deadline, '--deadline-ms'), '--deadline-ms') }),
  });
  const server = await app.listen(port, values.host);
  const address = server.address();
  const shown = typeof address === 'object' && address !== null ? address.port : port;
  const url = `http://${values.host ?? 'localhost'}:${shown}`;
  app.options.logger.info({ url, mode: app.options.mode, deadlineMs: app.options.deadlineMs }, `serving ${values.app} on ${url}/webhook`);
  return { app, server, url };
}

/** Graceful stop: readiness goes 503, no new connections, in-flight turns finish, then exit. */
export function stopOnSignals({ app, server }: Serving, graceMs = 8000): void {
  const stop = (signal: string): void => {
    app.options.logger.info({ signal }, 'shutting down');
    app.close();
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), graceMs).unref();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

function toInt(raw: string, name: string): number {
  if (!/^\d+$/.test(raw)) throw new InvalidOptionError(`${name} must be a whole number, not "${raw}".`);
  return Number(raw);
}
