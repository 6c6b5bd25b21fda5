import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, post, waitUntilUp } from '../support/http.js';
import { runNodeScript } from '../support/node-script.js';
import { checkBody, textsOf } from '../support/responses.js';
import { eventually } from '../support/timing.js';
import { cxRequest, esRequest } from '../../src/testing/index.js';

// What `npm run build` made (npm test builds first): dist/lib is what the package runs.
const ENTRIES = ['index.js', 'testing/index.js', 'auth/index.js', 'compat/dialogflow-fulfillment/index.js'];

/** Runs an ES module in a fresh node without flags (as `node app.js` would) and returns what it printed as JSON. */
function evaluate(script: string, env: Record<string, string> = {}): unknown {
  const run = runNodeScript(script, { env });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

describe('the bundle (dist/lib)', () => {
  it('every entry point exports what its module exports', () => {
    const keys = (dir: string): unknown =>
      evaluate(`const out = {};
        for (const entry of ${JSON.stringify(ENTRIES)}) out[entry] = Object.keys(await import('${process.cwd()}/${dir}/' + entry)).sort();
        console.log(JSON.stringify(out));`);
    const bundled = keys('dist/lib') as Record<string, string[]>;
    expect(bundled).toEqual(keys('dist/src'));
    expect(bundled['index.js']).toContain('createFulfiller');
  });

  it("every entry point's CommonJS twin exports the same names, from the same copy of the library", () => {
    const twins = evaluate(`import { createRequire } from 'node:module';
      const require = createRequire(import.meta.url);
      const out = {};
      for (const entry of ${JSON.stringify(ENTRIES)}) {
        const esm = await import('${process.cwd()}/dist/lib/' + entry);
        const cjs = require('${process.cwd()}/dist/lib/' + entry.replace(/\\.js$/, '.cjs'));
        const names = Object.keys(esm).sort();
        out[entry] = JSON.stringify(Object.keys(cjs).sort()) === JSON.stringify(names) && names.every((name) => cjs[name] === esm[name]);
      }
      console.log(JSON.stringify(out));`);
    expect(twins).toEqual(Object.fromEntries(ENTRIES.map((entry) => [entry, true])));
  });

  it('the entry points share one copy of the library', () => {
    const same = evaluate(`const lib = await import('${process.cwd()}/dist/lib/index.js');
      const auth = await import('${process.cwd()}/dist/lib/auth/index.js');
      console.log(JSON.stringify(lib.apiKey === auth.apiKey));`);
    expect(same).toBe(true);
  });

  it("loads a dialect's validators on first use, never the other dialect's, and the beta versions' only when asked for", () => {
    const loaded = evaluate(`import fs from 'node:fs';
      import { syncBuiltinESMExports } from 'node:module';
      const read = fs.readFileSync;
      const files = [];
      fs.readFileSync = (file, ...rest) => (files.push(String(file)), read(file, ...rest));
      syncBuiltinESMExports(); // the library's own \`import { readFileSync }\` reads through the spy too
      const { validateSchema, withoutOutputOnlyFields } = await import('${process.cwd()}/dist/lib/index.js');
      const validators = () => files.filter((file) => file.endsWith('-validators.cjs')).map((file) => file.split('/').pop());
      const before = validators();
      const invalid = validateSchema('es', 'response', { fulfillmentText: 7 });
      const es = validators();
      const outputOnly = validateSchema('cx', 'response', { fulfillmentResponse: { messages: [{ endInteraction: {} }] } });
      withoutOutputOnlyFields('cx', { fulfillmentResponse: { messages: [{ endInteraction: {} }] } });
      validateSchema('cx', 'request', { text: 1 });
      const ga = validators();
      const beta = validateSchema('es', 'response', { endInteraction: 'yes' }, { version: 'v2beta1' });
      console.log(JSON.stringify({ before, es, invalid, outputOnly: outputOnly.issues?.[0].kind, ga, beta, after: validators() }));`);
    expect(loaded).toEqual({
      before: [],
      es: ['es-validators.cjs'],
      invalid: { ok: false, issues: [{ path: 'fulfillmentText', message: expect.stringContaining('string') }] },
      outputOnly: 'output-only',
      ga: ['es-validators.cjs', 'cx-validators.cjs'],
      beta: { ok: false, issues: [{ path: 'endInteraction', message: 'must be true or false, not "yes"' }] },
      after: ['es-validators.cjs', 'cx-validators.cjs', 'es-v2beta1-validators.cjs'],
    });
  });

  it('loads the endpoint validator (ajv) only when an app registers an endpoint', () => {
    const loaded = evaluate(`import { createRequire } from 'node:module';
      const cache = createRequire(import.meta.url).cache;
      const ajv = () => Object.keys(cache).some((file) => /[\\/]node_modules[\\/]ajv[\\/]/.test(file));
      const { createFulfiller } = await import('${process.cwd()}/dist/lib/index.js');
      const app = createFulfiller({ mode: 'test', env: {} });
      app.intent('Default Welcome Intent', (turn) => turn.say('Hi'));
      const answer = await app.handle(JSON.stringify(${JSON.stringify(esRequest('Default Welcome Intent').build())}), { 'content-type': 'application/json' });
      const withoutEndpoints = ajv();
      app.endpoint({ method: 'GET', path: '/ping', description: 'Pong.', response: { type: 'object' } }, () => ({ pong: true }));
      console.log(JSON.stringify({ status: answer.status, withoutEndpoints, withEndpoint: ajv() }));`);
    expect(loaded).toEqual({ status: 200, withoutEndpoints: false, withEndpoint: true });
  });

  it('loads node:crypto only for what needs it (authentication here), not to answer a call', () => {
    const loaded = evaluate(`const { createFulfiller, apiKey } = await import('${process.cwd()}/dist/lib/index.js');
      const crypto = () => process.moduleLoadList.includes('NativeModule crypto');
      const app = createFulfiller({ mode: 'test', env: {} });
      app.intent('Default Welcome Intent', (turn) => turn.say('Hi'));
      const answer = await app.handle(JSON.stringify(${JSON.stringify(esRequest('Default Welcome Intent').build())}), { 'content-type': 'application/json' });
      const answered = crypto();
      apiKey({ keys: ['k-1'] });
      console.log(JSON.stringify({ status: answer.status, answered, withAuth: crypto() }));`);
    expect(loaded).toEqual({ status: 200, answered: false, withAuth: true });
  });

  it('keeps `fulfiller play` out of the library: a bundle of its own, which the play command alone imports', () => {
    const library = readFileSync('dist/lib/fulfiller.cjs', 'utf8');
    expect(library).toContain('"./playground/play.js"');
    for (const name of ['createPlayServer', 'AppHost', 'FlowGraph', 'preact'])
      expect({ name, inLibrary: library.includes(name) }).toEqual({ name, inLibrary: false });
    const play = readFileSync('dist/lib/playground/play.js', 'utf8');
    // The playground uses the library's own copy of every class, through its entry points.
    expect([...new Set(play.match(/from"\.\.\/[^"]+"/g))].sort()).toEqual(['from"../index.js"', 'from"../testing/index.js"']);
  });

  const nodeCompileCache = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function';

  (nodeCompileCache ? it.skip : it)('ships a V8 code cache of the library and the validators that node takes as it is (Node.js 20)', () => {
    const caches = readdirSync('dist/lib/code-cache');
    // The build writes two of each: node without flags, and with npm start's.
    for (const code of ['fulfiller-', 'cx-validators-', 'es-validators-', 'cx-v3beta1-validators-', 'es-v2beta1-validators-']) {
      expect({ code, caches: caches.filter((name) => name.startsWith(code)).length }).toEqual({ code, caches: 2 });
    }
    const before = caches.map((name) => statSync(`dist/lib/code-cache/${name}`).ino);
    const cacheRoot = mkdtempSync(join(tmpdir(), 'bundle-cache-'));
    const run = runNodeScript(
      `const { validateSchema } = await import('${process.cwd()}/dist/lib/index.js');
      const beta = { version: 'v2beta1' };
      console.log(JSON.stringify([validateSchema('cx', 'response', {}).ok, validateSchema('es', 'response', {}).ok, validateSchema('es', 'response', {}, beta).ok]));`,
      { env: { NODE_COMPILE_CACHE: cacheRoot, NODE_DEBUG: 'dialogflow-fulfiller' } },
    );
    expect(JSON.parse(run.stdout)).toEqual([true, true, true]);
    const verdicts = [...run.stderr.matchAll(/code cache of (\S+): (\w+)/g)].map((match) => `${match[1]} ${match[2]}`);
    expect(verdicts).toEqual(['fulfiller.cjs taken', 'cx-validators.cjs taken', 'es-validators.cjs taken', 'es-v2beta1-validators.cjs taken']);
    // Found next to the bundle: the cache directory was not even made, and nothing was written anywhere.
    expect(readdirSync(cacheRoot)).toEqual([]);
    expect(readdirSync('dist/lib/code-cache').map((name) => statSync(`dist/lib/code-cache/${name}`).ino)).toEqual(before);
    rmSync(cacheRoot, { recursive: true });
  });

  it('with --enable-source-maps, names the TypeScript source of a frame in the library', () => {
    const run = runNodeScript(
      `const { createFulfiller } = await import('${process.cwd()}/dist/lib/index.js');
      try { createFulfiller({ deadlineMs: -5 }); } catch (error) { console.log(JSON.stringify(error.stack)); }`,
      { flags: ['--enable-source-maps'] },
    );
    const stack = JSON.parse(run.stdout) as string;
    expect(stack).toMatch(/^InvalidOptionError: /);
    expect(stack).toMatch(/\n {4}at \S+ \(\S+\/src\/core\/options\.ts:\d+:\d+\)/);
    expect(stack).not.toContain('fulfiller.cjs');
  });

  describe('the fulfiller binary', () => {
    let child: ChildProcess;
    let output = '';
    let url: string;

    beforeAll(async () => {
      const port = await freePort();
      url = `http://127.0.0.1:${port}`;
      child = spawn(process.execPath, ['dist/lib/cli/main.js', 'serve', '--app', 'test/scripts/fixtures/bundle-app.js', '--port', String(port)], {
        env: { ...process.env, LOG_LEVEL: 'info', NODE_ENV: 'production' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      await waitUntilUp(`${url}/healthz`, child, () => output);
    }, 30_000);

    afterAll(async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    });

    it('serves an app module that imports the package', async () => {
      const answer = await post(`${url}/webhook`, cxRequest('hello').build());
      expect(answer.status).toBe(200);
      expect(textsOf(checkBody('cx', answer.text) as object)).toEqual(['Hello from the bundle']);
      expect(output).not.toMatch(/Warning|Error/); // the library came from its code cache, the app through its import()
    });

    it("knows the app's errors as its own: one FulfillerError class", async () => {
      const answer = await post(`${url}/webhook`, cxRequest('slow-backend').build());
      expect(answer.status).toBe(200);
      // Log lines go out at the end of the child's loop turn, and reach us through a pipe: wait for the line.
      const failure = await eventually('the failure is logged', () =>
        output
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as { message: string; code?: string })
          .find((line) => line.message.startsWith('a handler failed')),
      );
      expect(failure?.code).toBe('ERR_BACKEND_TIMEOUT'); // a second copy would see a foreign error: ERR_HANDLER_FAILED
    });
  });
});
