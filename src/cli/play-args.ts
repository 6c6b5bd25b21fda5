import { UsageError } from '../errors.js';
import type { ReplayAuth } from '../testing/replay-auth.js';
import { AUTH_OPTIONS, authFromFlags } from './auth-flags.js';
import { parseCommandLine } from './parse-command-line.js';

/** What `fulfiller play` was asked to do: read here, served by the playground's own bundle. */
export interface PlayArgs {
  target: { app: string } | { url: string };
  agent: string | undefined;
  fixtures: string;
  port: number;
  host: string;
  auth: ReplayAuth;
}

/** Reads the command line; a mistake throws a UsageError (exit code 2). */
export function parsePlayArgs(args: readonly string[], env: Readonly<Record<string, string | undefined>>): PlayArgs {
  const { values } = parseCommandLine(args, {
    app: { type: 'string' },
    url: { type: 'string' },
    agent: { type: 'string' },
    fixtures: { type: 'string', default: 'fixtures' },
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    ...AUTH_OPTIONS,
  });
  if ((values.app === undefined) === (values.url === undefined))
    throw new UsageError('give either --app FILE (an app module) or --url URL (a running webhook)');
  if (values.url !== undefined && !/^https?:\/\/[^/]/.test(values.url)) {
    throw new UsageError(`--url must be an http(s) URL such as http://localhost:8080/webhook, not "${values.url}"`);
  }
  if (!/^\d+$/.test(values.port) || Number(values.port) > 65535) throw new UsageError(`--port must be a port number (0: any free port), not "${values.port}"`);
  if (values.host.trim() === '') throw new UsageError('--host needs a host name or address');
  const auth = authFromFlags(values, env);
  return {
    target: values.app !== undefined ? { app: values.app } : { url: values.url! },
    agent: values.agent,
    fixtures: values.fixtures,
    port: Number(values.port),
    host: values.host.trim(),
    auth,
  };
}
