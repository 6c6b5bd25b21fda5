import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EsWebhookRequest, JsonObject } from '../../../../src/index.js';
import { freePort, waitUntilUp } from '../../../support/http.js';
import type { Answer } from '../user-view.js';
import { zipEntries } from '../zip-entries.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../../..');

/** The banking template's webhook, served by Express in a process of its own. */
export interface TemplateHost {
  send(request: EsWebhookRequest): Promise<Answer>;
  stop(): void;
}

/**
 * Runs the template's index.js as shipped (extracted from its zip into a temporary directory,
 * never into the repository), with only its external services replaced through module
 * resolution: a node_modules next to it holds the fakes of firebase-functions and the Google Maps
 * client, and `dialogflow-fulfillment` is either the real 0.6.1 or, as the migration guide
 * says, a two-file package that re-exports dialogflow-fulfiller/compat/dialogflow-fulfillment.
 */
export async function hostTemplate(fulfillmentZip: string, library: 'legacy' | 'compat'): Promise<TemplateHost> {
  const dir = mkdtempSync(path.join(tmpdir(), `banking-${library}-`));
  const files = zipEntries(fulfillmentZip);
  for (const name of ['index.js', 'package.json']) writeFileSync(path.join(dir, name), files.get(name)!);
  const pkg = (name: string, main: string, json: JsonObject = { name, main: 'index.js' }) => {
    const at = path.join(dir, 'node_modules', name);
    mkdirSync(at, { recursive: true });
    writeFileSync(path.join(at, 'package.json'), JSON.stringify(json));
    writeFileSync(path.join(at, 'index.js'), `module.exports = require(${JSON.stringify(main)});\n`);
  };
  pkg('firebase-functions', path.join(here, 'firebase-functions.cjs'));
  pkg('@googlemaps/google-maps-services-js', path.join(here, 'google-maps-services.cjs'));
  if (library === 'legacy') {
    pkg('dialogflow-fulfillment', path.join(repo, 'node_modules/dialogflow-fulfillment'));
  } else {
    symlinkSync(repo, path.join(dir, 'node_modules/dialogflow-fulfiller'), 'dir');
    pkg('dialogflow-fulfillment', 'dialogflow-fulfiller/compat/dialogflow-fulfillment', {
      name: 'dialogflow-fulfillment',
      version: '0.6.1-compat',
      main: 'index.js',
    });
  }

  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  let output = '';
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(here, '../express-host.cjs'), path.join(dir, 'index.js'), 'dialogflowFirebaseFulfillment', String(port)],
    {
      cwd: repo,
      env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'silent', GOOGLE_MAPS_API_KEY: 'test-key' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.resume(); // the template logs every request: read and dropped
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitUntilUp(url, child, () => output);
  return {
    async send(request) {
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(request),
          signal: AbortSignal.timeout(10_000),
        });
        return { status: response.status, body: (await response.json()) as JsonObject };
      } catch {
        return 'no answer';
      }
    },
    stop() {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
