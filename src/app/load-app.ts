import { importModule } from '../runtime/import-module.js';
import { resolve } from 'node:path';
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
 */
export async function loadApp(file: string, options: FulfillerSettings = {}): Promise<Fulfiller> {
  let module: { default?: unknown };
  try {
    module = await importModule<{ default?: unknown }>(pathToFileURL(resolve(file)).href);
  } catch (cause) {
    throw new AppModuleError(`Cannot load the app module ${file}: ${cause instanceof Error ? cause.message : String(cause)}`, cause);
  }
  return setupApp(module.default, file, options);
}

/** Turns an app module's export into an app. */
export async function setupApp(exported: unknown, name: string, options: FulfillerSettings = {}): Promise<Fulfiller> {
  if (isApp(exported)) return exported;
  if (typeof exported === 'function') {
    const app = createFulfiller(options);
    await (exported as (app: Fulfiller) => unknown)(app);
    return app;
  }
  throw new AppModuleError(`${name} must export by default a function (app) => { app.tag(...) } or an app made with createFulfiller().`);
}

// Duck-typed so that an app built with another copy of the package is still recognised.
function isApp(value: unknown): value is Fulfiller {
  const candidate = value as Partial<Fulfiller> | null | undefined;
  return typeof candidate === 'object' && candidate !== null && typeof candidate.handle === 'function' && typeof candidate.tag === 'function';
}
