import { UsageError } from '../errors.js';
import type { ReplayAuth } from '../testing/replay-auth.js';
import { AUTH_OPTIONS, authFromFlags } from './auth-flags.js';
import { parseCommandLine } from './parse-command-line.js';

/** What `fulfiller replay` was asked to do. */
export interface ReplayArgs {
  paths: string[];
  target: { app: string } | { url: string };
  update: boolean;
  junit: string | undefined;
  auth: ReplayAuth;
  /** An agent export: every answer is checked against it, and its call sites' coverage measured. */
  agent: string | undefined;
  webhooks: string[];
  /** Print the coverage table. */
  coverage: boolean;
  /** Write the coverage as JSON there. */
  coverageOut: string | undefined;
  /** Fail below this percentage of call sites covered. */
  minCoverage: number | undefined;
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
      ...AUTH_OPTIONS,
      agent: { type: 'string' },
      webhook: { type: 'string', multiple: true },
      coverage: { type: 'boolean', default: false },
      'coverage-out': { type: 'string' },
      'min-coverage': { type: 'string' },
    },
    true,
  );
  const mistake = mistakeIn(values, positionals);
  if (mistake !== undefined) throw new UsageError(mistake);
  const auth = authFromFlags(values, env);
  const min = values['min-coverage'];
  return {
    paths: positionals,
    target: values.app !== undefined ? { app: values.app } : { url: values.url! },
    update: values.update ?? false,
    junit: values.out,
    auth,
    agent: values.agent,
    webhooks: values.webhook ?? [],
    coverage: values.coverage === true || min !== undefined,
    coverageOut: values['coverage-out'],
    minCoverage: min === undefined ? undefined : Number(min),
  };
}

function mistakeIn(
  values: {
    app?: string;
    url?: string;
    reporter?: string;
    out?: string;
    agent?: string;
    webhook?: string[];
    coverage?: boolean;
    'coverage-out'?: string;
    'min-coverage'?: string;
  },
  positionals: readonly string[],
): string | undefined {
  if (positionals.length === 0) return 'give at least one fixture file or directory';
  if ((values.app === undefined) === (values.url === undefined)) return 'give either --app FILE (in-process) or --url URL (a running webhook)';
  if (values.url !== undefined && !/^https?:\/\/[^/]/.test(values.url)) {
    return `--url must be an http(s) URL such as http://localhost:8080/webhook, not "${values.url}"`;
  }
  if (values.reporter !== undefined && values.reporter !== 'junit') return `--reporter ${values.reporter} is not known: the reporter is junit`;
  if ((values.reporter === undefined) !== (values.out === undefined)) return '--reporter junit and --out FILE go together';
  const measured = values.coverage === true || values['coverage-out'] !== undefined || values['min-coverage'] !== undefined || values.webhook !== undefined;
  if (measured && values.agent === undefined) return '--coverage, --coverage-out, --min-coverage and --webhook need --agent PATH';
  const min = values['min-coverage'];
  if (min !== undefined && (!/^\d+(\.\d+)?$/.test(min) || Number(min) > 100)) return `--min-coverage takes a percentage from 0 to 100, not "${min}"`;
  return undefined;
}
