import type { Dialect } from '../base/dialect.js';

/**
 * The session id (the last segment of the session name) of a request that passed its schema,
 * for log lines: it ties the turns of one conversation together without any of their content.
 */
export function sessionIdOf(dialect: Dialect, request: Readonly<Record<string, unknown>>): string | undefined {
  const name = dialect === 'cx' ? (request.sessionInfo as { session?: unknown } | undefined)?.session : request.session;
  return typeof name === 'string' && name !== '' ? name.slice(name.lastIndexOf('/') + 1) : undefined;
}
