import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCommandLine } from '../../src/cli/run-cli.js';
import { typesCommand } from '../../src/cli/types-command.js';
import { makeCa } from '../support/certificates.js';
import { tempDir } from '../testing/support/sample.js';
import { CX_SMALL } from './support.js';

const FULL = 'test/lint/apps/cx-small-full.ts';
const HALF = 'test/lint/apps/cx-small-half.ts';
const ENV_SECRETS = ['ENV-SECRET-KEY-1', 'ENV-SECRET-USER', 'ENV-SECRET-PASSWORD'];
const AGENT_SECRETS = ['SECRET-KEY-IN-URL', 'SECRET-USER', 'SECRET-PASSWORD', 'SECRET-HEADER-VALUE'];

async function lint(args: string[], env: Record<string, string> = {}): Promise<{ code: unknown; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCommandLine(['lint', ...args], { env, out: (line) => (out += `${line}\n`), err: (line) => (err += `${line}\n`) });
  return { code, out, err };
}

function envFile(lines: string[]): string {
  const file = join(tempDir('fulfiller-lint-env-'), 'production.env');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('fulfiller lint', () => {
  it('prints its help, and refuses a wrong command line with exit code 2', async () => {
    const help = await lint(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('usage: fulfiller lint --agent PATH --app FILE');
    expect(help.out).toContain('Exit code: 0 clean, 1 errors');
    for (const [args, message] of [
      [['--app', FULL], '--agent PATH and --app FILE are required'],
      [['--agent', CX_SMALL, '--app', FULL, '--format', 'xml'], '--format is text, json, junit, sarif, not "xml"'],
      [['--agent', CX_SMALL, '--app', FULL, '--frmat', 'json'], 'unknown option --frmat: did you mean --format?'],
      [['--agent', CX_SMALL, '--app', FULL, '--update-baseline'], '--update-baseline needs --baseline FILE'],
      [['--agent', CX_SMALL, '--app', FULL, '--webhook', 'orders'], '--webhook orders: the agent has no such webhook'],
    ] as const) {
      const result = await lint([...args]);
      expect(result.code).toBe(2);
      expect(result.err).toContain(message);
      expect(result.err).not.toMatch(/\n\s+at /); // no stack trace
    }
  });

  it('exits 2 naming the file when the export or the app cannot be read', async () => {
    const export_ = await lint(['--agent', 'no/such.zip', '--app', FULL]);
    expect([export_.code, export_.err]).toEqual([
      2,
      'fulfiller lint: Cannot read the agent export no/such.zip: there is no such file or folder. Give the .zip the console exported, or the folder it unzips to.\n',
    ]);
    const app = await lint(['--agent', CX_SMALL, '--app', 'test/lint/apps/missing.ts']);
    expect(app.code).toBe(2);
    expect(app.err).toContain('Cannot load the app module test/lint/apps/missing.ts');
  });

  it('exits 1 on errors, 0 with warnings only, and 1 on warnings with --strict', async () => {
    const half = await lint(['--agent', CX_SMALL, '--app', HALF]);
    expect(half.code).toBe(1);
    expect(half.out).toContain(`fulfiller lint: agent "Small Shop" (Dialogflow CX, ${CX_SMALL}) against ${HALF}\n  serves: shop:orders\n`);
    expect(half.out).toMatch(
      /error {3}unhandled-tag {2}flows\/Default Start Flow\/pages\/Order Status\.json\n {8}Default Start Flow › Order Status › route 1 sends the tag "order.status"/,
    );
    expect(half.out).toContain("fix: Add app.tag('order.status', …), or correct app.tag('order.stats', …) if it was meant for it.");
    const config = join(tempDir('fulfiller-lint-config-'), 'lint.json');
    writeFileSync(config, JSON.stringify({ rules: { 'missing-intent': 'warning' } }));
    const env = envFile(['FULFILLER_BASIC_AUTH=shop:pass']);
    const warnings = await lint(['--agent', CX_SMALL, '--app', FULL, '--env-file', env, '--config', config]);
    expect([warnings.code, warnings.out.trimEnd().split('\n').at(-1)]).toEqual([0, '0 errors, 3 warnings']);
    expect((await lint(['--agent', CX_SMALL, '--app', FULL, '--env-file', env, '--config', config, '--strict'])).code).toBe(1);
  });

  it('lints with a deployment environment from --env-file', async () => {
    const open = await lint(['--agent', CX_SMALL, '--app', FULL]);
    expect(open.out).toContain('auth-unchecked');
    const env = envFile(['# production', 'FULFILLER_BASIC_AUTH="shop:pass"', 'FULFILLER_DEADLINE_MS=5000']);
    const deployed = await lint(['--agent', CX_SMALL, '--app', FULL, '--env-file', env]);
    expect(deployed.out).not.toContain('auth-unchecked');
    expect(deployed.out).toContain("The webhook shop:orders waits 5000 ms, and the app's deadline is 5000 ms");
    const missing = await lint(['--agent', CX_SMALL, '--app', FULL, '--env-file', 'no/such.env']);
    expect([missing.code, missing.err]).toEqual([2, 'fulfiller lint: Cannot read --env-file no/such.env: ENOENT.\n']);
  });

  it('a baseline leaves known findings out, and new ones still fail', async () => {
    const baseline = join(tempDir('fulfiller-lint-baseline-'), 'lint-baseline.json');
    const written = await lint(['--agent', CX_SMALL, '--app', HALF, '--baseline', baseline, '--update-baseline']);
    expect([written.code, written.out]).toEqual([0, `wrote 8 findings to the baseline ${baseline}\n`]);
    const known = await lint(['--agent', CX_SMALL, '--app', HALF, '--baseline', baseline]);
    expect([known.code, known.out.trimEnd().split('\n').at(-1)]).toEqual([0, 'no findings (8 in the baseline)']);
    const worse = await lint(['--agent', CX_SMALL, '--app', HALF, '--baseline', baseline, '--env-file', envFile(['FULFILLER_DEADLINE_MS=6000'])]);
    expect(worse.code).toBe(1);
    expect(worse.out).toContain('webhook-timeout');
    writeFileSync(baseline, '{"findings": 3}');
    expect((await lint(['--agent', CX_SMALL, '--app', HALF, '--baseline', baseline])).err).toContain('is not a lint baseline');
  });

  it('writes JSON, JUnit and SARIF, to stdout or --out', async () => {
    const json = JSON.parse((await lint(['--agent', CX_SMALL, '--app', HALF, '--format', 'json'])).out) as {
      findings: { rule: string; fingerprint: string }[];
      counts: object;
    };
    expect(json.findings.map((f) => f.rule)).toContain('unhandled-tag');
    expect(json.findings[0]!.fingerprint).toMatch(/^[0-9a-f]{20}$/);
    const junit = (await lint(['--agent', CX_SMALL, '--app', HALF, '--format', 'junit'])).out;
    expect(junit).toContain('<testsuites name="fulfiller lint"');
    expect(junit).toMatch(/<failure message="Default Start Flow › Order Status › route 1 sends the tag &quot;order.status&quot;/);
    const out = join(tempDir('fulfiller-lint-sarif-'), 'reports', 'lint.sarif');
    const sarif = await lint(['--agent', CX_SMALL, '--app', HALF, '--format', 'sarif', '--out', out]);
    expect(sarif.out).toMatch(/^\d+ errors?, \d+ warnings?; sarif report: .*lint\.sarif\n$/);
    const log = JSON.parse(readFileSync(out, 'utf8')) as {
      version: string;
      runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    expect(log.version).toBe('2.1.0');
    const uris = log.runs[0]!.results.filter((r) => r.ruleId === 'unhandled-tag').map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri);
    expect(uris).toContain(`${CX_SMALL}/flows/Default%20Start%20Flow/pages/Order%20Status.json`);
    expect(uris).toContain(`${CX_SMALL}/flows/Default%20Start%20Flow/pages/%253e%20Returns.json`); // the file is named %3e Returns.json
  });

  it('checks mutual TLS only with --tls-ca, and refuses a CA that is not PEM', async () => {
    const dir = tempDir('fulfiller-lint-tls-');
    writeFileSync(join(dir, 'ca.pem'), makeCa('Test CA').cert);
    writeFileSync(join(dir, 'bad.pem'), 'not a certificate');
    expect((await lint(['--agent', CX_SMALL, '--app', FULL, '--tls-ca', join(dir, 'ca.pem')])).code).toBe(1); // the other findings
    const bad = await lint(['--agent', CX_SMALL, '--app', FULL, '--tls-ca', join(dir, 'bad.pem')]);
    expect([bad.code, bad.err]).toEqual([2, `fulfiller lint: --tls-ca ${join(dir, 'bad.pem')} is not a PEM certificate.\n`]);
  });

  it('never prints a secret of the export or of the environment, in any format, in a baseline, or in generated types', async () => {
    const dir = tempDir('fulfiller-lint-secrets-');
    const env = envFile([
      `FULFILLER_API_KEYS=${ENV_SECRETS[0]}`,
      `FULFILLER_BASIC_AUTH=${ENV_SECRETS[1]}:${ENV_SECRETS[2]}`,
      'FULFILLER_API_KEY_HEADER=x-other',
    ]);
    let everything = '';
    for (const format of ['text', 'json', 'junit', 'sarif']) {
      for (const app of [FULL, HALF]) {
        const result = await lint(['--agent', CX_SMALL, '--app', app, '--env-file', env, '--format', format, '--out', join(dir, `${format}.out`)]);
        everything += result.out + result.err + readFileSync(join(dir, `${format}.out`), 'utf8');
        const stdout = await lint(['--agent', `${CX_SMALL}.zip`, '--app', app, '--format', format]);
        everything += stdout.out + stdout.err;
      }
    }
    await lint(['--agent', CX_SMALL, '--app', HALF, '--env-file', env, '--baseline', join(dir, 'baseline.json'), '--update-baseline']);
    everything += readFileSync(join(dir, 'baseline.json'), 'utf8');
    await typesCommand(['--agent', CX_SMALL, '--out', join(dir, 'agent.ts')], { out: () => {} });
    everything += readFileSync(join(dir, 'agent.ts'), 'utf8');
    expect(everything).toContain('auth-not-sent'); // the secrets were in play
    for (const secret of [...ENV_SECRETS, ...AGENT_SECRETS]) expect(everything).not.toContain(secret);
    expect(existsSync(join(dir, 'sarif.out'))).toBe(true);
  });
});
