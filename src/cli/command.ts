/**
 * What every `fulfiller` command is, so that the runner (run-cli.ts) gives them one set of
 * conventions: `--help`, exit codes, messages. A command is a row of the table in commands.ts.
 */

/** What a command reads and prints: injected, so commands run in a test as they run in a shell. */
export interface CliIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Results: what a script would read (stdout). */
  out(line: string): void;
  /** Diagnostics: usage mistakes, failures (stderr). */
  err(line: string): void;
}

/** The exit codes of every command (README, "Command line"). */
export const EXIT = {
  /** Done, nothing to report. */
  ok: 0,
  /** Findings or failures: invalid files, failed fixtures, lint errors. */
  findings: 1,
  /** A usage mistake, or input that cannot be read (a missing file, an app module that does not load). */
  usage: 2,
} as const;

/** Returned by a command that goes on serving until a signal stops it. */
export const KEEP_RUNNING = 'keep running';

export type CommandResult = number | typeof KEEP_RUNNING;

/** One `fulfiller` command. */
export interface Command {
  readonly name: string;
  /** The synopsis after `fulfiller NAME`: `--app FILE [--port N]`; continuation lines as they should print. */
  readonly usage: string;
  /** One line for the command list of `fulfiller --help`. */
  readonly summary: string;
  /** The body of `fulfiller NAME --help`: what it does, each option, its exit codes. */
  readonly help: string;
  run(args: readonly string[], io: CliIo): Promise<CommandResult>;
}
