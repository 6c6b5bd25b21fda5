import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadApp } from '../app/load-app.js';
import { FulfillerError } from '../errors.js';

const USAGE = 'usage: fulfiller openapi --app FILE [--server URL] [--title TEXT] [--api-version X.Y.Z] [--out FILE]';

/**
 * `fulfiller openapi --app app.js --server https://orders.example.com`: prints the OpenAPI 3.0
 * document of the app's endpoints (or writes it to `--out`), to paste into a playbook tool.
 * Exit 0; 2 for a usage mistake or an app that cannot be loaded.
 */
export async function openapiCommand(args: readonly string[], env: Readonly<Record<string, string | undefined>>, out: (line: string) => void): Promise<number> {
  let values: { app?: string; server?: string; title?: string; 'api-version'?: string; out?: string };
  try {
    ({ values } = parseArgs({
      args: [...args],
      strict: true,
      options: { app: { type: 'string' }, server: { type: 'string' }, title: { type: 'string' }, 'api-version': { type: 'string' }, out: { type: 'string' } },
    }));
  } catch (error) {
    out(`fulfiller openapi: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (values.app === undefined) {
    out(`fulfiller openapi: --app is required\n${USAGE}`);
    return 2;
  }
  if (values.server !== undefined && !/^https?:\/\/[^/]/.test(values.server)) {
    out(`fulfiller openapi: --server must be an http(s) URL such as https://orders.example.com, not "${values.server}"\n${USAGE}`);
    return 2;
  }
  let document: Record<string, unknown>;
  try {
    const app = await loadApp(values.app, { env: { ...env, LOG_LEVEL: env.LOG_LEVEL ?? 'silent' } });
    document = app.openapi({
      ...(values.server === undefined ? {} : { server: values.server }),
      ...(values.title === undefined ? {} : { title: values.title }),
      ...(values['api-version'] === undefined ? {} : { version: values['api-version'] }),
    });
    await app.close({ graceMs: 100 });
  } catch (error) {
    if (!(error instanceof FulfillerError)) throw error;
    out(`fulfiller openapi: ${error.message}`);
    return 2;
  }
  const text = `${JSON.stringify(document, null, 2)}\n`;
  if (values.out === undefined) out(text.trimEnd());
  else await writeFile(values.out, text);
  return 0;
}
