import { spawn, type ChildProcess } from 'node:child_process';

/** A `fulfiller` process started by a test: what it printed so far, and its exit code once it ends. */
export interface CliProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * Runs the `fulfiller` CLI from the TypeScript sources (through tsx), with `env` over the test's
 * environment, collecting what it prints on stdout and stderr.
 */
export function startCli(args: readonly string[], env: Record<string, string> = {}): CliProcess {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Sends SIGTERM (unless it has ended) and resolves with the exit code. */
export function stopCli(cli: CliProcess): Promise<number | null> {
  if (cli.child.exitCode === null && cli.child.signalCode === null) cli.child.kill('SIGTERM');
  return cli.exited;
}
