import { FulfillerError } from '../errors.js';

export type Env = Readonly<Record<string, string | undefined>>;
export type Out = (line: string) => void;

/**
 * Runs an agent tool command (`lint`, `types`) with the CLI's conventions: `--help` prints the
 * help and exits 0; a usage mistake or unreadable input prints one line naming the file and what
 * to do, on stderr, and exits 2 (never a stack trace); otherwise the command's own exit code.
 */
export async function runTool(
  name: string,
  help: string,
  args: readonly string[],
  out: Out,
  run: () => Promise<number>,
  err: Out = (line) => void process.stderr.write(`${line}\n`),
): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    out(help);
    return 0;
  }
  try {
    return await run();
  } catch (error) {
    // Node's own errors (parseArgs) may come from another realm than this module's TypeError.
    const { code, message: text } = (error ?? {}) as { code?: unknown; message?: unknown };
    const message =
      error instanceof FulfillerError
        ? error.message
        : typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')
          ? `${String(text).split('. To specify')[0]} (fulfiller ${name} --help lists the options)`
          : `unexpected failure: ${typeof text === 'string' ? text : String(error)}`;
    err(`fulfiller ${name}: ${message}`);
    return 2;
  }
}
