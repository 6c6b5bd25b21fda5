import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);
let crypto: typeof import('node:crypto') | undefined;
let https: typeof import('node:https') | undefined;
let childProcess: typeof import('node:child_process') | undefined;

/**
 * Node's built-in modules that only some set-ups use, loaded on first use. The library is one
 * bundle, and a static import would load them at every start: node:crypto (authentication,
 * job ids, TLS) costs a few milliseconds of a cold start, node:https (TLS) a few more;
 * node:child_process is for a rare path (the CLI's `node --check` of an app that does not parse).
 */
export const builtins = {
  crypto: (): typeof import('node:crypto') => (crypto ??= load('node:crypto') as typeof import('node:crypto')),
  https: (): typeof import('node:https') => (https ??= load('node:https') as typeof import('node:https')),
  childProcess: (): typeof import('node:child_process') => (childProcess ??= load('node:child_process') as typeof import('node:child_process')),
};
