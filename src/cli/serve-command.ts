import type { Server } from 'node:http';
import type { Fulfiller } from '../app/fulfiller.js';
import { checkDeadline } from '../core/options.js';
import { InvalidOptionError, UsageError } from '../errors.js';
import { DEFAULT_GRACE_MS, shutdownGracefully } from '../adapters/graceful-shutdown.js';
import { loadApp } from '../app/load-app.js';
import { parseCommandLine } from './parse-command-line.js';
import { readTls } from './read-tls.js';

/** A running server and how to stop it. */
export interface Serving {
  app: Fulfiller;
  server: Server;
  url: string;
}

/** `fulfiller serve`: loads the app module and serves it on node:http. */
export async function serveCommand(args: readonly string[], env: NodeJS.ProcessEnv): Promise<Serving> {
  const { values } = parseCommandLine(args, {
    app: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    'deadline-ms': { type: 'string' },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    'tls-ca': { type: 'string' },
    record: { type: 'string' },
  });
  if (values.app === undefined) throw new UsageError('--app FILE is required: the app module to serve');
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
  const server = await app.listen(port, values.host, tls === undefined ? {} : { tls }).catch(async (error: unknown) => {
    await app.close({ graceMs: 0 });
    throw listenError(error, port);
  });
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

/** A port that cannot be listened on is the command line's mistake: say which and what to do. */
function listenError(error: unknown, port: number): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE') return new InvalidOptionError(`Port ${port} is in use: choose another one with --port or PORT.`);
  if (code === 'EACCES') return new InvalidOptionError(`Port ${port} needs privileges this process lacks: choose one above 1023 with --port or PORT.`);
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return new InvalidOptionError('--host is not an address of this machine.');
  return error;
}

function toInt(raw: string, name: string): number {
  if (!/^\d+$/.test(raw)) throw new InvalidOptionError(`${name} must be a whole number, not "${raw}".`);
  return Number(raw);
}
