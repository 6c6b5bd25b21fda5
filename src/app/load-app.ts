import { importModule } from '../runtime/import-module.js';
import { existsSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createFulfiller } from './create-fulfiller.js';
import type { Fulfiller } from './fulfiller.js';
import type { FulfillerSettings } from './options.js';
import { AppModuleError } from '../errors.js';

/** What an app module may export by default: a setup function, or a ready app. */
export type AppModule = ((app: Fulfiller) => void | Promise<void>) | Fulfiller;

/**
 * Loads an app module the same way for `serve`, `replay` and the tests: a default export that is
 * either a function `(app) => void | Promise<void>`, given a fresh app, or an app itself.
 * Failures are AppModuleErrors that say what to do; when the app's own code threw (or does not
 * parse), the error's cause carries its stack, and `inAppCode` says so.
 */
export async function loadApp(file: string, options: FulfillerSettings = {}): Promise<Fulfiller> {
  const path = resolve(file);
  let module: { default?: unknown };
  try {
    module = await importModule<{ default?: unknown }>(pathToFileURL(path).href);
  } catch (cause) {
    throw importError(file, path, cause);
  }
  return setupApp(module.default, file, options, path);
}

/** Turns an app module's export into an app. */
export async function setupApp(exported: unknown, name: string, options: FulfillerSettings = {}, path?: string): Promise<Fulfiller> {
  if (isApp(exported)) return exported;
  if (typeof exported === 'function') {
    const app = createFulfiller(options);
    try {
      await (exported as (app: Fulfiller) => unknown)(app);
    } catch (cause) {
      await app.close({ graceMs: 0 });
      throw new AppModuleError(`The setup function of ${name} threw: ${messageOf(cause)}`, cause, {
        inAppCode: true,
        ...(path === undefined ? {} : { file: path }),
      });
    }
    return app;
  }
  throw new AppModuleError(`${name} must export by default a function (app) => { app.tag(...) } or an app made with createFulfiller().`);
}

/** Why `import()` failed, said so that the user knows what to change. */
function importError(file: string, path: string, cause: unknown): AppModuleError {
  const code = (cause as { code?: unknown } | null)?.code;
  if (code === 'ERR_UNKNOWN_FILE_EXTENSION' && /^\.[cm]?tsx?$/.test(extname(path))) {
    return new AppModuleError(
      `Cannot load the app module ${file}: Node.js ${process.versions.node} does not run TypeScript by itself. ` +
        'Compile it first (tsc) and give the .js file, or load tsx (npm install --save-dev tsx): ' +
        `node --import tsx …, or NODE_OPTIONS="--import tsx" npx fulfiller serve --app ${file}`,
      cause,
    );
  }
  if (!existsSync(path)) {
    return new AppModuleError(`Cannot load the app module ${file}: there is no such file (${path}).`, cause);
  }
  // The module itself failed: a syntax error, a throw at its top level, an import of its own.
  return new AppModuleError(`Cannot load the app module ${file}: ${messageOf(cause)}`, cause, { inAppCode: true, file: path });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// Duck-typed so that an app built with another copy of the package is still recognised.
function isApp(value: unknown): value is Fulfiller {
  const candidate = value as Partial<Fulfiller> | null | undefined;
  return typeof candidate === 'object' && candidate !== null && typeof candidate.handle === 'function' && typeof candidate.tag === 'function';
}
