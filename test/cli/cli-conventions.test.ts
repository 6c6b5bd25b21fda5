import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { COMMANDS } from '../../src/cli/commands.js';
import { runCommandLine } from '../../src/cli/run-cli.js';
import { close, listen } from '../support/http.js';
import { tempDir } from '../testing/support/sample.js';

/**
 * What every `fulfiller` command shares (README, "Command line"): `--help`, `--version`, one
 * exit-code convention (0 ok, 1 findings or failures, 2 usage error or unreadable input), and
 * messages in our words that say what to do. In process through the runner the binary uses,
 * and through the built binary where only a real `node` shows the behaviour.
 */
async function cli(...argv: string[]): Promise<{ code: unknown; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCommandLine(argv, { env: {}, out: (line) => (out += `${line}\n`), err: (line) => (err += `${line}\n`) });
  return { code, out, err };
}

const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
/** Texts of node:util's parseArgs: never shown to a user. */
const NODE_PARSER_TEXT = /To specify|positional argument|argument is ambiguous|Unknown option '|ERR_PARSE_ARGS/;

describe('the fulfiller command line', () => {
  const names = COMMANDS.map((c) => c.name);

  it('has the commands of the README', () => {
    expect(names).toEqual(expect.arrayContaining(['serve', 'validate', 'replay']));
  });

  it.each(names)('%s --help and -h print its usage, options and exit codes on stdout, exit 0', async (name) => {
    for (const argv of [
      [name, '--help'],
      [name, '-h'],
      ['help', name],
      [name, '--app', 'x.js', '--help'],
    ]) {
      const { code, out, err } = await cli(...argv);
      expect({ argv, code, err }).toEqual({ argv, code: 0, err: '' });
      expect(out).toMatch(new RegExp(`^usage: fulfiller ${name} `));
      expect(out).toContain('Exit code');
      expect(out).toContain('Exit codes: 0 ok; 1 findings or failures; 2 usage error or unreadable input.');
    }
  });

  it('lists every command in --help, and prints the version with --version and -v', async () => {
    const help = await cli('--help');
    expect(help.code).toBe(0);
    for (const name of names) expect(help.out).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    for (const flag of ['--version', '-v']) expect(await cli(flag)).toEqual({ code: 0, out: `${VERSION}\n`, err: '' });
  });

  it('exits 2 without a command, or with an unknown one, saying which it may have meant', async () => {
    const none = await cli();
    expect(none.code).toBe(2);
    expect(none.err).toContain('usage: fulfiller <command>');
    const typo = await cli('serv', '--app', 'x.js');
    expect(typo.code).toBe(2);
    expect(typo.err).toMatch(/^fulfiller: unknown command "serv": did you mean "serve"\?/);
    expect((await cli('--verbose')).err).toMatch(/^fulfiller: unknown option --verbose/);
  });

  it.each([
    [['serve', '--frob'], 'fulfiller serve: unknown option --frob'],
    [['serve', '--app'], 'fulfiller serve: --app needs a value'],
    [['serve', '--app', '--port', '8080'], 'fulfiller serve: --app needs a value (write --app=VALUE for a value that starts with "-")'],
    [['serve', 'app.js'], 'fulfiller serve: unexpected argument "app.js": this command takes only options'],
    [['serve', '--prot', '8080'], 'fulfiller serve: unknown option --prot: did you mean --port?'],
    [['serve'], 'fulfiller serve: --app FILE is required: the app module to serve'],
    [['replay', 'fixtures', '--app', 'x.js', '--update=yes'], 'fulfiller replay: --update takes no value'],
    [['validate', '--frob'], 'fulfiller validate: unknown option --frob'],
    [['validate', 'cx'], 'fulfiller validate: the second argument is request or response'],
    [['lint', '--app', 'x.js', '--agnet', 'agent'], 'fulfiller lint: unknown option --agnet: did you mean --agent?'],
    [['lint', '--app', 'x.js'], 'fulfiller lint: --agent PATH and --app FILE are required'],
    [['types', '--agent', 'agent'], 'fulfiller types: --agent PATH and --out FILE are required'],
    [['play', '--frob'], 'fulfiller play: unknown option --frob'],
    [
      ['play', '--app', 'x.js', '--url', 'http://localhost:8080/webhook'],
      'fulfiller play: give either --app FILE (an app module) or --url URL (a running webhook)',
    ],
    [['play', '--app', 'x.js', '--port', 'eighty'], 'fulfiller play: --port must be a port number (0: any free port), not "eighty"'],
    [['openapi', '--server', 'x'], 'fulfiller openapi: --app FILE is required: the app module whose endpoints are described'],
  ])('a bad command line %j exits 2 with what is wrong, the usage and where the help is', async (argv, message) => {
    const { code, out, err } = await cli(...argv);
    expect({ code, out }).toEqual({ code: 2, out: '' });
    const lines = err.trimEnd().split('\n');
    expect(lines[0]).toBe(message);
    expect(lines[1]).toMatch(new RegExp(`^usage: fulfiller ${argv[0]} `));
    expect(lines.at(-1)).toBe(`(fulfiller ${argv[0]} --help lists the options)`);
    expect(err).not.toMatch(NODE_PARSER_TEXT);
  });

  it('exits 2 with the value and what to do when a flag or the environment has a wrong value', async () => {
    const port = await cli('serve', '--app', 'test/cli/fixtures/app.ts', '--port', 'eighty');
    expect(port).toEqual({ code: 2, out: '', err: 'fulfiller serve: --port / PORT must be a whole number, not "eighty".\n' });
  });

  it('exits 2 when the port is taken, saying how to choose another', async () => {
    const busy = createServer();
    const url = await listen(busy);
    try {
      const port = new URL(url).port;
      const taken = await cli('serve', '--app', 'test/cli/fixtures/app.ts', '--port', port, '--host', '127.0.0.1');
      expect(taken).toEqual({ code: 2, out: '', err: `fulfiller serve: Port ${port} is in use: choose another one with --port or PORT.\n` });
    } finally {
      await close(busy);
    }
  });

  describe('an app module that cannot be used exits 2 and says why', () => {
    it('a missing file: where it was looked for', async () => {
      const { code, err } = await cli('serve', '--app', 'test/cli/fixtures/missing.js');
      expect(code).toBe(2);
      expect(err).toBe(
        `fulfiller serve: Cannot load the app module test/cli/fixtures/missing.js: there is no such file (${join(process.cwd(), 'test/cli/fixtures/missing.js')}).\n`,
      );
    });

    it('a setup function that throws: the file, the message and its stack, since the code is the app’s own', async () => {
      const { code, err } = await cli('serve', '--app', 'test/cli/fixtures/throws-in-setup.ts');
      expect(code).toBe(2);
      expect(err).toMatch(/^fulfiller serve: The setup function of test\/cli\/fixtures\/throws-in-setup\.ts threw: DATABASE_URL is not set\n\n/);
      expect(err).toMatch(/Error: DATABASE_URL is not set\n\s+at connectToDatabase \(.*test\/cli\/fixtures\/throws-in-setup\.ts:\d+:\d+\)/);
    });

    it('a module that does not parse: what the parser says', async () => {
      const dir = tempDir('fulfiller-cli-');
      const file = join(dir, 'broken.mjs');
      writeFileSync(file, "export default function setup(app) {\n  app.tag('hello', (turn) => turn.say('Hello');\n}\n");
      const { code, err } = await cli('serve', '--app', file);
      expect(code).toBe(2);
      expect(err).toMatch(new RegExp(`^fulfiller serve: Cannot load the app module ${file}: .+\\n\\n`));
      expect(err).toContain('SyntaxError');
    });

    it('a default export that is not an app', async () => {
      const { code, err } = await cli('serve', '--app', 'test/cli/fixtures/not-an-app.ts');
      expect(code).toBe(2);
      expect(err).toMatch(/must export by default a function \(app\) =>/);
    });
  });
});

describe('the built fulfiller binary, under a plain node', () => {
  // A generous timeout: a command that serves when it should have refused must not hang the suite.
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['dist/lib/cli/main.js', ...args], {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '', LOG_LEVEL: 'silent' },
      timeout: 60_000,
    });
  /** Node.js 22.18 and later strip TypeScript types themselves: `serve --app app.ts` then just works. */
  const runsTypeScript = Boolean((process.features as { typescript?: unknown }).typescript);

  it('prints its version and per-command help, exit 0', () => {
    expect(run('--version')).toMatchObject({ status: 0, stdout: `${VERSION}\n` });
    expect(run('serve', '--help')).toMatchObject({ status: 0, stdout: expect.stringMatching(/^usage: fulfiller serve --app FILE/) });
  });

  (runsTypeScript ? it.skip : it)('says how to serve a TypeScript app module (tsx, or compile first), exit 2', () => {
    const { status, stdout, stderr } = run('serve', '--app', 'test/cli/fixtures/app.ts');
    expect({ status, stdout }).toEqual({ status: 2, stdout: '' });
    expect(stderr).toContain(`does not run TypeScript by itself. Compile it first (tsc) and give the .js file, or load tsx`);
    expect(stderr).toContain('NODE_OPTIONS="--import tsx" npx fulfiller serve --app test/cli/fixtures/app.ts');
    expect(stderr).not.toContain('Unknown file extension');
  });

  it('shows where an app module does not parse: file, line and the code, exit 2', () => {
    const file = join(tempDir('fulfiller-cli-'), 'broken.mjs');
    writeFileSync(file, "export default function setup(app) {\n  app.tag('hello', (turn) => turn.say('Hello');\n}\n");
    const { status, stderr } = run('serve', '--app', file);
    expect(status).toBe(2);
    expect(stderr).toContain(
      `Cannot load the app module ${file}: missing ) after argument list\n\n${file}:2\n  app.tag('hello', (turn) => turn.say('Hello');\n`,
    );
    expect(stderr).toMatch(/\nSyntaxError: missing \) after argument list\n$/);
  });

  it('shows the stack of a setup that throws, down to the app’s own frames', () => {
    const { status, stderr } = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'dist/lib/cli/main.js', 'serve', '--app', 'test/cli/fixtures/throws-in-setup.ts'],
      {
        encoding: 'utf8',
        env: { ...process.env, NODE_OPTIONS: '', LOG_LEVEL: 'silent' },
      },
    );
    expect(status).toBe(2);
    expect(stderr).toMatch(/\n {4}at connectToDatabase \(.*throws-in-setup\.ts:10:9\)\n {4}at setup \(.*throws-in-setup\.ts:6:3\)\n$/);
  });

  it('exits 2 on a bad command line, as every command does', () => {
    for (const args of [...COMMANDS.map((c) => [c.name, '--frob']), ['frobnicate']]) {
      const { status, stderr } = run(...args);
      expect({ args, status }).toEqual({ args, status: 2 });
      expect(stderr).not.toMatch(NODE_PARSER_TEXT);
    }
  });
});
