import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { readAgent } from '../agent/read-agent.js';
import { InvalidOptionError, UsageError } from '../errors.js';
import { readBaseline, writeBaseline } from '../lint/lint-baseline.js';
import { EMPTY_CONFIG, readLintConfig } from '../lint/lint-config.js';
import { lintAgent, type LintReport } from '../lint/lint-agent.js';
import { formatJson } from '../lint/formats/format-json.js';
import { formatJunit } from '../lint/formats/format-junit.js';
import { formatSarif } from '../lint/formats/format-sarif.js';
import { formatText, summary } from '../lint/formats/format-text.js';
import { builtins } from '../runtime/builtins.js';
import { describeLoadedApp } from './describe-loaded-app.js';
import { type CliIo, EXIT } from './command.js';
import { parseCommandLine } from './parse-command-line.js';

const FORMATS = ['text', 'json', 'junit', 'sarif'] as const;
const DEFAULT_CONFIG = 'fulfiller-lint.json';

/**
 * `fulfiller lint`: exit 0 clean, 1 findings that fail; a usage mistake or input that cannot be
 * read throws (exit code 2, run-cli.ts).
 */
export async function lintCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandLine(args, {
    agent: { type: 'string' },
    app: { type: 'string' },
    webhook: { type: 'string', multiple: true },
    'env-file': { type: 'string' },
    format: { type: 'string', default: 'text' },
    out: { type: 'string' },
    strict: { type: 'boolean', default: false },
    'tls-ca': { type: 'string' },
    config: { type: 'string' },
    baseline: { type: 'string' },
    'update-baseline': { type: 'boolean', default: false },
  });
  if (values.agent === undefined || values.app === undefined) throw new UsageError('--agent PATH and --app FILE are required');
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`--format is ${FORMATS.join(', ')}, not "${values.format}"`);
  if (values['update-baseline'] && values.baseline === undefined) throw new UsageError('--update-baseline needs --baseline FILE');
  const configFile = values.config ?? (existsSync(DEFAULT_CONFIG) ? DEFAULT_CONFIG : undefined);
  const config = configFile === undefined ? EMPTY_CONFIG : await readLintConfig(configFile);
  const tlsCa = values['tls-ca'] === undefined ? undefined : await readCa(values['tls-ca']);
  const agent = await readAgent(values.agent);
  const app = await describeLoadedApp(values.app, io.env, values['env-file']);
  const baseline = values.baseline === undefined || values['update-baseline'] ? undefined : await readBaseline(values.baseline);
  const report = lintAgent(agent, app, { webhooks: values.webhook, tlsCa, appFile: values.app, config, baseline });
  if (values['update-baseline']) {
    await writeBaseline(values.baseline!, report.all);
    io.out(`wrote ${report.all.length} finding${report.all.length === 1 ? '' : 's'} to the baseline ${values.baseline}`);
    return EXIT.ok;
  }
  const text = render(report, format, values.app);
  if (values.out === undefined) {
    io.out(text.trimEnd());
  } else {
    await mkdir(dirname(values.out), { recursive: true });
    await writeFile(values.out, text);
    io.out(`${summary(report)}; ${format} report: ${values.out}`);
  }
  const failing = report.counts.error + (values.strict ? report.counts.warning : 0);
  return failing > 0 ? EXIT.findings : EXIT.ok;
}

function render(report: LintReport, format: (typeof FORMATS)[number], appFile: string): string {
  if (format === 'json') return formatJson(report);
  if (format === 'junit') return formatJunit(report);
  if (format === 'sarif') return formatSarif(report, appFile);
  return formatText(report, appFile);
}

async function readCa(file: string): Promise<string> {
  let pem: string;
  try {
    pem = await readFile(file, 'utf8');
  } catch (error) {
    throw new InvalidOptionError(`Cannot read --tls-ca ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}.`);
  }
  try {
    new (builtins.crypto().X509Certificate)(pem);
  } catch {
    throw new InvalidOptionError(`--tls-ca ${file} is not a PEM certificate.`);
  }
  return pem;
}
