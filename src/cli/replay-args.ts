import { parseArgs } from 'node:util';
import type { ReplayAuth } from '../testing/replay-auth.js';
import { AUTH_OPTIONS, AUTH_USAGE, authFromFlags } from './auth-flags.js';

export const REPLAY_USAGE = `usage: fulfiller replay <file|dir>... (--app FILE | --url URL) [--update] [--reporter junit --out FILE]
         ${AUTH_USAGE}`;

/** What `fulfiller replay` was asked to do. */
export interface ReplayArgs {
  paths: string[];
  target: { app: string } | { url: string };
  update: boolean;
  junit: string | undefined;
  auth: ReplayAuth;
}

/** Reads the command line; a string is the usage mistake to print (exit code 2). */
export function parseReplayArgs(args: readonly string[], env: Readonly<Record<string, string | undefined>>): ReplayArgs | string {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        app: { type: 'string' },
        url: { type: 'string' },
        update: { type: 'boolean', default: false },
        reporter: { type: 'string' },
        out: { type: 'string' },
        ...AUTH_OPTIONS,
      },
    });
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) return 'give at least one fixture file or directory';
  if ((values.app === undefined) === (values.url === undefined)) return 'give either --app FILE (in-process) or --url URL (a running webhook)';
  if (values.url !== undefined && !/^https?:\/\/[^/]/.test(values.url)) {
    return `--url must be an http(s) URL such as http://localhost:8080/webhook, not "${values.url}"`;
  }
  if (values.reporter !== undefined && values.reporter !== 'junit') return `--reporter ${values.reporter} is not known: the reporter is junit`;
  if ((values.reporter === undefined) !== (values.out === undefined)) return '--reporter junit and --out FILE go together';
  const auth = authFromFlags(values, env);
  if (typeof auth === 'string') return auth;
  return {
    paths: positionals,
    target: values.app !== undefined ? { app: values.app } : { url: values.url! },
    update: values.update ?? false,
    junit: values.out,
    auth,
  };
}
