import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors.js';
import { closestName } from '../schema/closest-name.js';

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<O extends Options, P extends boolean> = ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: P }>>;

/**
 * `parseArgs` (strict) for a command's flags, with its mistakes told in our words: Node's own
 * texts name parser internals ("positional arguments", "argument is ambiguous") and say nothing
 * of the command. Each mistake becomes a `UsageError` (exit code 2) naming the flag, with the
 * closest known flag when one is close.
 */
export function parseCommandLine<O extends Options, P extends boolean = false>(args: readonly string[], options: O, allowPositionals?: P): Parsed<O, P> {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: (allowPositionals ?? false) as P });
  } catch (error) {
    throw usageErrorOf(error, Object.keys(options));
  }
}

function usageErrorOf(error: unknown, known: readonly string[]): unknown {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS') || typeof message !== 'string') return error;
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  const flag = quoted.split(' ')[0] ?? quoted;
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const guess = closestName(flag.replace(/^-+/, ''), known);
      return new UsageError(`unknown option ${flag}${guess === undefined ? '' : `: did you mean --${guess}?`}`);
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UsageError(`unexpected argument "${quoted}": this command takes only options`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (message.includes('does not take')) return new UsageError(`${flag} takes no value`);
      if (message.includes('ambiguous')) return new UsageError(`${flag} needs a value (write ${flag}=VALUE for a value that starts with "-")`);
      return new UsageError(`${flag} needs a value`);
    default:
      return new UsageError('the command line cannot be read');
  }
}
