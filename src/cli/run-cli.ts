import { AppModuleError, FulfillerError, InvalidOptionError, UnreadableInputError, UsageError } from '../errors.js';
import { closestName } from '../schema/closest-name.js';
import { appFailureDetails } from './app-failure-details.js';
import { type CliIo, type Command, type CommandResult, EXIT } from './command.js';
import { COMMANDS } from './commands.js';
import { packageVersion } from './package-version.js';

const EXIT_CODES = 'Exit codes: 0 ok; 1 findings or failures; 2 usage error or unreadable input.';

/** `fulfiller --help`: the commands of the table, and what they share. */
function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return `fulfiller ${packageVersion()} — Dialogflow CX and ES webhook fulfillment

usage: fulfiller <command> [options]
       fulfiller <command> --help       the options of one command
       fulfiller --version

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`).join('\n')}

${EXIT_CODES}
Environment: PORT, FULFILLER_DEADLINE_MS, LOG_LEVEL, NODE_ENV (see README).
Authentication (docs/security.md): FULFILLER_API_KEYS, FULFILLER_BASIC_AUTH,
FULFILLER_HMAC_SECRETS, FULFILLER_GOOGLE_AUDIENCE + FULFILLER_GOOGLE_SERVICE_ACCOUNT;
TLS: FULFILLER_TLS_CERT, FULFILLER_TLS_KEY, FULFILLER_TLS_CLIENT_CA.`;
}

const usageOf = (command: Command): string => `usage: fulfiller ${command.name} ${command.usage}`;

/**
 * Runs one `fulfiller` command line and returns its exit code (or KEEP_RUNNING for a server).
 * Every command gets the same conventions: `--help` / `-h` anywhere before `--` prints its
 * help (exit 0); a usage mistake prints what is wrong, the usage and where the help is (exit 2);
 * input that cannot be read says which and why (exit 2); an app module that throws shows its
 * stack, since that is the user's own code; any other failure exits 1.
 */
export async function runCommandLine(argv: readonly string[], io: CliIo): Promise<CommandResult> {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.err(overview());
    return EXIT.usage;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    io.out(packageVersion());
    return EXIT.ok;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    if (args[0] !== undefined) return runCommandLine([args[0], '--help'], io); // `fulfiller help serve`
    io.out(overview());
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    const guess = closestName(
      name.replace(/^-+/, ''),
      COMMANDS.map((c) => c.name),
    );
    const what = name.startsWith('-') ? `unknown option ${name}` : `unknown command "${name}"`;
    io.err(`fulfiller: ${what}${guess === undefined ? '' : `: did you mean "${guess}"?`}\n\n${overview()}`);
    return EXIT.usage;
  }
  if (asksForHelp(args)) {
    io.out(help(command));
    return EXIT.ok;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    return failed(command, error, io);
  }
}

function help(command: Command): string {
  return `${usageOf(command)}\n\n${command.help}\n\n${EXIT_CODES}`;
}

function asksForHelp(args: readonly string[]): boolean {
  for (const arg of args) {
    if (arg === '--') return false;
    if (arg === '--help' || arg === '-h') return true;
  }
  return false;
}

/** Says what went wrong, and returns the exit code for it. */
function failed(command: Command, error: unknown, io: CliIo): number {
  const prefix = `fulfiller ${command.name}:`;
  if (error instanceof UsageError) {
    io.err(`${prefix} ${error.message}\n${usageOf(command)}\n(fulfiller ${command.name} --help lists the options)`);
    return EXIT.usage;
  }
  if (error instanceof AppModuleError) {
    // The app's own code failed: where (file, line, the calls that led there) is what to read.
    const details = appFailureDetails(error);
    io.err(`${prefix} ${error.message}${details === undefined ? '' : `\n\n${details}`}`);
    return EXIT.usage;
  }
  // Input that cannot be used (an option, a file, an agent export: the coded errors answered 400) is exit 2.
  if (error instanceof InvalidOptionError || error instanceof UnreadableInputError || (error instanceof FulfillerError && error.status === 400)) {
    io.err(`${prefix} ${error.message}`);
    return EXIT.usage;
  }
  if (error instanceof FulfillerError) {
    io.err(`${prefix} ${error.message}`);
    return EXIT.findings;
  }
  // Not one of ours: a bug here or in a dependency. The stack is what a report needs.
  io.err(`${prefix} unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return EXIT.findings;
}

/** The `fulfiller` binary: the exit code goes to `process.exitCode`; results to stdout, the rest to stderr. */
export function runCli(argv: readonly string[]): void {
  // `fulfiller validate … | head`: a reader that stops early is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  const io: CliIo = {
    env: process.env,
    out: (line) => void process.stdout.write(`${line}\n`),
    err: (line) => void process.stderr.write(`${line}\n`),
  };
  void runCommandLine(argv, io).then((code) => {
    if (typeof code === 'number') process.exitCode = code;
  });
}
