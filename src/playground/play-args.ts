import { parseArgs } from 'node:util';
import { AUTH_OPTIONS, AUTH_USAGE, authFromFlags } from '../cli/auth-flags.js';
import type { ReplayAuth } from '../testing/index.js';

export const PLAY_USAGE = `usage: fulfiller play (--app FILE | --url URL) [--agent PATH] [--fixtures DIR] [--port N] [--host H]
         ${AUTH_USAGE}`;

/** What `fulfiller play` was asked to do. */
export interface PlayArgs {
  target: { app: string } | { url: string };
  agent: string | undefined;
  fixtures: string;
  port: number;
  host: string;
  auth: ReplayAuth;
}

/** Reads the command line; a string is the usage mistake to print (exit code 2). */
export function parsePlayArgs(args: readonly string[], env: Readonly<Record<string, string | undefined>>): PlayArgs | string {
  // biome-ignore lint/suspicious/noImplicitAnyLet: typed by the assignment below, which parseArgs' options shape
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      strict: true,
      options: {
        app: { type: 'string' },
        url: { type: 'string' },
        agent: { type: 'string' },
        fixtures: { type: 'string', default: 'fixtures' },
        port: { type: 'string', default: '0' },
        host: { type: 'string', default: '127.0.0.1' },
        ...AUTH_OPTIONS,
      },
    }));
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  if ((values.app === undefined) === (values.url === undefined)) return 'give either --app FILE (an app module) or --url URL (a running webhook)';
  if (values.url !== undefined && !/^https?:\/\/[^/]/.test(values.url))
    return `--url must be an http(s) URL such as http://localhost:8080/webhook, not "${values.url}"`;
  if (!/^\d+$/.test(values.port) || Number(values.port) > 65535) return `--port must be a port number (0: any free port), not "${values.port}"`;
  if (values.host.trim() === '') return '--host needs a host name or address';
  const auth = authFromFlags(values, env);
  if (typeof auth === 'string') return auth;
  return {
    target: values.app !== undefined ? { app: values.app } : { url: values.url! },
    agent: values.agent,
    fixtures: values.fixtures,
    port: Number(values.port),
    host: values.host.trim(),
    auth,
  };
}
