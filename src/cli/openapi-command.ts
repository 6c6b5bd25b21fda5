import { writeFile } from 'node:fs/promises';
import { loadApp } from '../app/load-app.js';
import { UsageError } from '../errors.js';
import { EXIT } from './command.js';
import { parseCommandLine } from './parse-command-line.js';

/**
 * `fulfiller openapi --app app.js --server https://orders.example.com`: prints the OpenAPI 3.0
 * document of the app's endpoints (or writes it to `--out`), to paste into a playbook tool.
 * Exit 0; a usage mistake or an app that cannot be loaded throws (exit code 2).
 */
export async function openapiCommand(args: readonly string[], env: Readonly<Record<string, string | undefined>>, out: (line: string) => void): Promise<number> {
  const { values } = parseCommandLine(args, {
    app: { type: 'string' },
    server: { type: 'string' },
    title: { type: 'string' },
    'api-version': { type: 'string' },
    out: { type: 'string' },
  });
  if (values.app === undefined) throw new UsageError('--app FILE is required: the app module whose endpoints are described');
  if (values.server !== undefined && !/^https?:\/\/[^/]/.test(values.server)) {
    throw new UsageError(`--server must be an http(s) URL such as https://orders.example.com, not "${values.server}"`);
  }
  const app = await loadApp(values.app, { env: { ...env, LOG_LEVEL: env.LOG_LEVEL ?? 'silent' } });
  const document = app.openapi({
    ...(values.server === undefined ? {} : { server: values.server }),
    ...(values.title === undefined ? {} : { title: values.title }),
    ...(values['api-version'] === undefined ? {} : { version: values['api-version'] }),
  });
  await app.close({ graceMs: 100 });
  const text = `${JSON.stringify(document, null, 2)}\n`;
  if (values.out === undefined) out(text.trimEnd());
  else await writeFile(values.out, text);
  return EXIT.ok;
}
