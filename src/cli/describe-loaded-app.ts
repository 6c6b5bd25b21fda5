import type { AppDescription } from '../core/app-description.js';
import { loadApp } from '../app/load-app.js';
import { readEnvFile } from './read-env-file.js';
import type { CliIo } from './command.js';

/**
 * Loads an app module as `fulfiller serve` would, with the environment plus an env file's
 * values on top, and returns what it describes; the app is closed again at once. Its logs are
 * quiet unless LOG_LEVEL asks for them.
 */
export async function describeLoadedApp(file: string, env: CliIo['env'], envFile: string | undefined): Promise<AppDescription> {
  const fromFile = envFile === undefined ? {} : await readEnvFile(envFile);
  const appEnv = { ...env, ...fromFile, LOG_LEVEL: fromFile.LOG_LEVEL ?? env.LOG_LEVEL ?? 'silent' };
  const app = await loadApp(file, { env: appEnv });
  try {
    return app.describe();
  } finally {
    await app.close({ graceMs: 100 });
  }
}
