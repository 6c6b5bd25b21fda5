import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { readAgent } from '../agent/read-agent.js';
import { InvalidOptionError } from '../errors.js';
import { readBaseline, writeBaseline } from '../lint/lint-baseline.js';
import { EMPTY_CONFIG, readLintConfig } from '../lint/lint-config.js';
import { lintAgent, type LintReport } from '../lint/lint-agent.js';
import { formatJson } from '../lint/formats/format-json.js';
import { formatJunit } from '../lint/formats/format-junit.js';
import { formatSarif } from '../lint/formats/format-sarif.js';
import { formatText, summary } from '../lint/formats/format-text.js';
import { builtins } from '../runtime/builtins.js';
import { describeLoadedApp } from './describe-loaded-app.js';
import { runTool, type Env, type Out } from './run-tool.js';

export const LINT_USAGE = `usage: fulfiller lint --agent PATH --app FILE [--webhook NAME]... [--env-file FILE]
                      [--format text|json|junit|sarif] [--out FILE] [--strict] [--tls-ca FILE]
                      [--config FILE] [--baseline FILE [--update-baseline]]`;

const HELP = `${LINT_USAGE}

Holds a Dialogflow agent export (CX JSON package or ES, a .zip or a folder) against an app
module: unhandled tags and intents, routes the agent never uses, webhook.error handlers,
timeouts against deadlines, webhook auth, broken references, languages (docs/lint.md).

  --agent PATH       the export
  --app FILE         the app module, as fulfiller serve loads it
  --webhook NAME     a webhook this app serves (repeat for several); default: every standard
                     webhook whose URL is not a Google API
  --env-file FILE    the deployment's environment (auth, deadline), in dotenv format
  --format F         text (default), json, junit or sarif
  --out FILE         write the report there (the summary still goes to the terminal)
  --strict           warnings fail too
  --tls-ca FILE      the client CA that fulfiller serve --tls-ca uses: checks mutual TLS
  --config FILE      rule severities, ignored findings, webhooks (default fulfiller-lint.json, if present)
  --baseline FILE    leave out the findings listed there; --update-baseline writes them

Exit code: 0 clean, 1 errors (or warnings with --strict), 2 the export, app or a file cannot be read.`;

const FORMATS = ['text', 'json', 'junit', 'sarif'] as const;
const DEFAULT_CONFIG = 'fulfiller-lint.json';

/** `fulfiller lint`: exit 0 clean, 1 findings that fail, 2 usage or unreadable input. */
export function lintCommand(args: readonly string[], env: Env, out: Out, err?: Out): Promise<number> {
  return runTool(
    'lint',
    HELP,
    args,
    out,
    async () => {
      const { values } = parseArgs({
        args: [...args],
        strict: true,
        options: {
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
        },
      });
      if (values.agent === undefined || values.app === undefined) throw new InvalidOptionError(`--agent PATH and --app FILE are required.\n${LINT_USAGE}`);
      const format = values.format as (typeof FORMATS)[number];
      if (!FORMATS.includes(format)) throw new InvalidOptionError(`--format is ${FORMATS.join(', ')}, not "${values.format}".`);
      if (values['update-baseline'] && values.baseline === undefined) throw new InvalidOptionError('--update-baseline needs --baseline FILE.');
      const configFile = values.config ?? (existsSync(DEFAULT_CONFIG) ? DEFAULT_CONFIG : undefined);
      const config = configFile === undefined ? EMPTY_CONFIG : await readLintConfig(configFile);
      const tlsCa = values['tls-ca'] === undefined ? undefined : await readCa(values['tls-ca']);
      const agent = await readAgent(values.agent);
      const app = await describeLoadedApp(values.app, env, values['env-file']);
      const baseline = values.baseline === undefined || values['update-baseline'] ? undefined : await readBaseline(values.baseline);
      const report = lintAgent(agent, app, { webhooks: values.webhook, tlsCa, appFile: values.app, config, baseline });
      if (values['update-baseline']) {
        await writeBaseline(values.baseline!, report.all);
        out(`wrote ${report.all.length} finding${report.all.length === 1 ? '' : 's'} to the baseline ${values.baseline}`);
        return 0;
      }
      const text = render(report, format, values.app);
      if (values.out === undefined) {
        out(text.trimEnd());
      } else {
        await mkdir(dirname(values.out), { recursive: true });
        await writeFile(values.out, text);
        out(`${summary(report)}; ${format} report: ${values.out}`);
      }
      const failing = report.counts.error + (values.strict ? report.counts.warning : 0);
      return failing > 0 ? 1 : 0;
    },
    err,
  );
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
