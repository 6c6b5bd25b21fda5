import { UsageError } from '../errors.js';
import type { ReplayAuth } from '../testing/replay-auth.js';
import { replayAuthFromEnv } from '../testing/replay-auth.js';
import { parseCommandLine } from './parse-command-line.js';

/** What `fulfiller replay` was asked to do. */
export interface ReplayArgs {
  paths: string[];
  target: { app: string } | { url: string };
  update: boolean;
  junit: string | undefined;
  auth: ReplayAuth;
}

/** Reads the command line; a mistake throws a UsageError (exit code 2). */
export function parseReplayArgs(args: readonly string[], env: Readonly<Record<string, string | undefined>>): ReplayArgs {
  const { values, positionals } = parseCommandLine(
    args,
    {
      app: { type: 'string' },
      url: { type: 'string' },
      update: { type: 'boolean', default: false },
      reporter: { type: 'string' },
      out: { type: 'string' },
      'api-key': { type: 'string' },
      basic: { type: 'string' },
      bearer: { type: 'string' },
      'hmac-secret': { type: 'string' },
    },
    true,
  );
  const mistake = mistakeIn(values, positionals);
  if (mistake !== undefined) throw new UsageError(mistake);
  const auth: ReplayAuth = { ...replayAuthFromEnv(env) };
  if (values['api-key'] !== undefined) auth.apiKey = values['api-key'];
  if (values.basic !== undefined) auth.basic = values.basic;
  if (values.bearer !== undefined) auth.bearer = values.bearer;
  if (values['hmac-secret'] !== undefined) auth.hmacSecret = values['hmac-secret'];
  return {
    paths: positionals,
    target: values.app !== undefined ? { app: values.app } : { url: values.url! },
    update: values.update ?? false,
    junit: values.out,
    auth,
  };
}

function mistakeIn(
  values: { app?: string; url?: string; reporter?: string; out?: string; basic?: string },
  positionals: readonly string[],
): string | undefined {
  if (positionals.length === 0) return 'give at least one fixture file or directory';
  if ((values.app === undefined) === (values.url === undefined)) return 'give either --app FILE (in-process) or --url URL (a running webhook)';
  if (values.url !== undefined && !/^https?:\/\/[^/]/.test(values.url)) {
    return `--url must be an http(s) URL such as http://localhost:8080/webhook, not "${values.url}"`;
  }
  if (values.reporter !== undefined && values.reporter !== 'junit') return `--reporter ${values.reporter} is not known: the reporter is junit`;
  if ((values.reporter === undefined) !== (values.out === undefined)) return '--reporter junit and --out FILE go together';
  if (values.basic !== undefined && !values.basic.includes(':')) return '--basic takes USER:PASSWORD';
  return undefined;
}
