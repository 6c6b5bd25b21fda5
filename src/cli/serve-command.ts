import { parseArgs } from 'node:util';
import type { Server } from 'node:http';
import type { Fulfiller } from '../app/fulfiller.js';
import { checkDeadline } from '../core/options.js';
import { InvalidOptionError } from '../errors.js';
import { DEFAULT_GRACE_MS, shutdownGracefully } from '../adapters/graceful-shutdown.js';
import { loadApp } from '../app/load-app.js';
import { readTls } from './read-tls.js';

const USAGE = 'usage: fulfiller serve --app FILE [--port N] [--host H] [--deadline-ms N] [--tls-cert FILE --tls-key FILE [--tls-ca FILE]] [--record DIR]';

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
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'tls-ca': { type: 'string' },
      record: { type: 'string' },
    },
    strict: true,
  });
  if (values.app === undefined) throw new InvalidOptionError(`--app is required. ${USAGE}`);
  const port = toInt(values.port ?? env.PORT ?? '8080', '--port / PORT');
  const deadline = values['deadline-ms'];
  const tls = await readTls({ cert: values['tls-cert'], key: values['tls-key'], ca: values['tls-ca'] }, env);
  const app = await loadApp(values.app, {
    env,
    ...(deadline === undefined ? {} : { deadlineMs: checkDeadline(toInt(deadline, '--deadline-ms'), '--deadline-ms') }),
    ...(values.record === undefined ? {} : { record: { dir: values.record } }),
  });
  if (values.record !== undefined) app.options.logger.info({ dir: values.record }, `recording every answered call as a fixture in ${values.record}`);
  // listen() logs the start-up line: URL, mode, routes, authentication and what is missing.
  const server = await app.listen(port, values.host, tls === undefined ? {} : { tls });
  const address = server.address();
  const shown = typeof address === 'object' && address !== null ? address.port : port;
  const url = `${tls === undefined ? 'http' : 'https'}://${values.host ?? 'localhost'}:${shown}`;
  return { app, server, url };
}

/**
 * Graceful stop on SIGTERM or SIGINT: readiness goes 503 and new turns are refused, in-flight
 * turns finish, jobs and the store close, then exit 0; all well inside Cloud Run's 10 s. A
 * second signal changes nothing (an impatient Ctrl-C, a supervisor that repeats itself: the
 * turns in flight still finish); a third stops at once with exit 1, as does `graceMs` + 1 s.
 */
export function stopOnSignals({ app, server }: Serving, graceMs = DEFAULT_GRACE_MS): void {
  const { logger } = app.options;
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    signals++;
    if (signals === 1) {
      stop(signal);
    } else if (signals === 2) {
      logger.warn({ signal }, 'already shutting down: still finishing the turns in flight; a third signal stops at once');
    } else {
      logger.error({ signal }, 'stopping at once: the turns still in flight are lost');
      process.exit(1);
    }
  };
  const stop = (signal: string): void => {
    logger.info({ signal, graceMs }, 'shutting down: finishing the turns in flight');
    setTimeout(() => {
      app.options.logger.error({ graceMs }, 'shutdown took too long: exiting anyway');
      process.exit(1);
    }, graceMs + 1000).unref();
    void shutdownGracefully(app, server, graceMs).then(() => {
      app.options.logger.info({}, 'shut down');
      process.exit(0);
    });
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

function toInt(raw: string, name: string): number {
  if (!/^\d+$/.test(raw)) throw new InvalidOptionError(`${name} must be a whole number, not "${raw}".`);
  return Number(raw);
}
