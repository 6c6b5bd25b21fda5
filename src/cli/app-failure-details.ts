import type { AppModuleError } from '../errors.js';
import { builtins } from '../runtime/builtins.js';

/**
 * What to show under an app module's failure: the stack of its own code, without the frames
 * of this library and of Node.js that led to it. An ES module that does not parse has no
 * location in its error, so `node --check` is asked where the mistake is.
 */
export function appFailureDetails(error: AppModuleError): string | undefined {
  if (!error.inAppCode) return undefined;
  const stack = (error.cause as { stack?: unknown } | undefined)?.stack;
  if (typeof stack !== 'string') return undefined;
  const isSyntaxError = (error.cause as { name?: unknown }).name === 'SyntaxError';
  if (isSyntaxError && error.file !== undefined && !stack.includes(error.file)) return syntaxErrorSite(error.file) ?? stack;
  return appFrames(stack);
}

/** The message and the frames up to the first one that is not the app's: its callers are ours. */
function appFrames(stack: string): string {
  const lines = stack.split('\n');
  const end = lines.findIndex((line) => /^\s+at /.test(line) && /node:internal|fulfiller\.cjs|[/\\]app[/\\]load-app\.[jt]s/.test(line));
  return (end === -1 ? lines : lines.slice(0, end)).join('\n');
}

/** `file:line`, the line and a caret, as `node --check` prints them; undefined if it finds nothing. */
function syntaxErrorSite(file: string): string | undefined {
  const check = builtins
    .childProcess()
    .spawnSync(process.execPath, ['--check', file], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' }, timeout: 10_000 });
  const lines = (check.stderr ?? '').split('\n');
  const end = lines.findIndex((line) => line.startsWith('SyntaxError'));
  return check.status === 0 || end === -1 ? undefined : lines.slice(0, end + 1).join('\n');
}
