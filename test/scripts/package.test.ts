import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { esRequest } from '../../src/testing/index.js';

/**
 * The package as npm publishes it (`npm pack`; npm test builds dist/ first), unpacked into the
 * node_modules of a project outside the repository, as `npm install` lays it out (its
 * dependencies load only when used, so none is needed here): CommonJS and ES module consumers,
 * the old package name through a two-file package, and TypeScript's three module resolutions.
 */
const repo = process.cwd();
let project: string;

function node(file: string, source: string): unknown {
  writeFileSync(join(project, file), source);
  const run = spawnSync(process.execPath, [file], { cwd: project, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'test', NODE_OPTIONS: '' } });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'fulfiller-consumer-'));
  execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', project], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = readdirSync(project).find((name) => name.endsWith('.tgz'))!;
  const installed = join(project, 'node_modules/dialogflow-fulfiller');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', join(project, tarball), '-C', installed, '--strip-components=1']);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  linkTools();
}, 60_000);

afterAll(() => rmSync(project, { recursive: true, force: true }));

/** The project's own tools: the repository's TypeScript, jest and ts-jest, linked in. */
function linkTools(): void {
  for (const name of ['typescript', '@types', 'jest', 'ts-jest']) symlinkSync(join(repo, 'node_modules', name), join(project, 'node_modules', name), 'dir');
}

describe('the packed package, in a project of its own', () => {
  it('is required by CommonJS code: the root, the testing tools, the compat module and the verifiers', () => {
    const result = node(
      'required.cjs',
      `const { createFulfiller, FulfillerError } = require('dialogflow-fulfiller');
      const { esRequest } = require('dialogflow-fulfiller/testing');
      const { WebhookClient, Card, PLATFORMS } = require('dialogflow-fulfiller/compat/dialogflow-fulfillment');
      const { apiKey } = require('dialogflow-fulfiller/auth');
      const app = createFulfiller({ mode: 'test', env: {} });
      const sent = [];
      const response = { status: (code) => sent.push(code), json: (body) => sent.push(body) };
      const agent = new WebhookClient({ request: { body: esRequest('hello').build() }, response, app });
      agent.handleRequest((a) => a.add([ 'Hi from CommonJS', new Card('card') ])).then(() => {
        console.log(JSON.stringify({ sent, verifier: typeof apiKey({ keys: ['k'] }), platforms: Object.keys(PLATFORMS).length, error: typeof FulfillerError }));
      });`,
    );
    expect(result).toEqual({
      sent: [200, { fulfillmentText: 'Hi from CommonJS', fulfillmentMessages: [{ text: { text: ['Hi from CommonJS'] } }, { card: { title: 'card' } }] }],
      verifier: 'function',
      platforms: 9,
      error: 'function',
    });
  });

  it('shares one library between require() and import in one process, whichever comes first', () => {
    const script = (first: 'require' | 'import') => `import { createRequire } from 'node:module';
      const require = createRequire(import.meta.url);
      ${first === 'require' ? "const viaRequire = require('dialogflow-fulfiller');" : ''}
      const root = await import('dialogflow-fulfiller');
      const compat = await import('dialogflow-fulfiller/compat/dialogflow-fulfillment');
      const required = ${first === 'require' ? 'viaRequire' : "require('dialogflow-fulfiller')"};
      const requiredCompat = require('dialogflow-fulfiller/compat/dialogflow-fulfillment');
      let thrown;
      try { new requiredCompat.WebhookClient({}); } catch (error) { thrown = error; }
      console.log(JSON.stringify({
        sameErrorClass: required.FulfillerError === root.FulfillerError,
        instanceOfImported: thrown instanceof root.FulfillerError && thrown instanceof root.InvalidArgumentError,
        sameClient: requiredCompat.WebhookClient === compat.WebhookClient,
        sameApp: required.Fulfiller === root.Fulfiller,
      }));`;
    const shared = { sameErrorClass: true, instanceOfImported: true, sameClient: true, sameApp: true };
    expect(node('require-first.mjs', script('require'))).toEqual(shared);
    expect(node('import-first.mjs', script('import'))).toEqual(shared);
  });

  it('keeps the old package name through a two-file package, so that no line changes', () => {
    // What `npm install ./dialogflow-fulfillment-shim` does: a link under the old name.
    const shim = join(project, 'dialogflow-fulfillment-shim');
    mkdirSync(shim);
    writeFileSync(join(shim, 'package.json'), JSON.stringify({ name: 'dialogflow-fulfillment', version: '0.6.1-compat', main: 'index.js' }));
    writeFileSync(join(shim, 'index.js'), "module.exports = require('dialogflow-fulfiller/compat/dialogflow-fulfillment');\n");
    symlinkSync('../dialogflow-fulfillment-shim', join(project, 'node_modules/dialogflow-fulfillment'), 'dir');
    const result = node(
      'unchanged.cjs',
      `const { WebhookClient, Suggestion } = require('dialogflow-fulfillment');
      const compat = require('dialogflow-fulfiller/compat/dialogflow-fulfillment');
      const sent = [];
      const agent = new WebhookClient({ request: { body: ${JSON.stringify(esRequest('hello').build())} }, response: { status: (c) => sent.push(c), json: (b) => sent.push(b) } });
      const intentMap = new Map([['hello', (agent) => { agent.add('Hello'); agent.add(new Suggestion('Bye')); }]]);
      agent.handleRequest(intentMap).then(() => console.log(JSON.stringify({ same: WebhookClient === compat.WebhookClient, sent })));`,
    );
    expect(result).toEqual({ same: true, sent: [200, expect.objectContaining({ fulfillmentText: 'Hello' })] });
  });

  it('gives TypeScript the types under node10 (ts-jest and CommonJS projects), node16 and nodenext', () => {
    writeFileSync(
      join(project, 'consumer.ts'),
      `import { createFulfiller, FulfillerError } from 'dialogflow-fulfiller';
      import { esRequest } from 'dialogflow-fulfiller/testing';
      import { WebhookClient, Card } from 'dialogflow-fulfiller/compat/dialogflow-fulfillment';
      import { apiKey } from 'dialogflow-fulfiller/auth';
      export const used: unknown[] = [createFulfiller, FulfillerError, esRequest, WebhookClient, apiKey];
      export const title: number = new Card('t').title; // a string: the one error expected
      `,
    );
    const tsc = join(project, 'node_modules/typescript/bin/tsc');
    for (const [module, resolution] of [
      ['commonjs', 'node10'],
      ['node16', 'node16'],
      ['nodenext', 'nodenext'],
    ]) {
      const run = spawnSync(
        process.execPath,
        [
          tsc,
          '--noEmit',
          '--strict',
          '--skipLibCheck',
          '--types',
          'node',
          '--target',
          'es2022',
          '--module',
          module!,
          '--moduleResolution',
          resolution!,
          'consumer.ts',
        ],
        {
          cwd: project,
          encoding: 'utf8',
        },
      );
      expect({ resolution, errors: run.stdout.trim().split('\n') }).toEqual({
        resolution,
        errors: [expect.stringContaining("consumer.ts(6,20): error TS2322: Type 'string' is not assignable to type 'number'")],
      });
    }
  }, 60_000);

  it("runs under ts-jest's default set-up (a CommonJS TypeScript project)", () => {
    writeFileSync(join(project, 'jest.config.js'), "module.exports = { preset: 'ts-jest', testEnvironment: 'node' };\n");
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'commonjs', target: 'es2022', strict: true, esModuleInterop: true, types: ['jest', 'node'] } }),
    );
    writeFileSync(
      join(project, 'consumer.test.ts'),
      `import { createFulfiller, FulfillerError } from 'dialogflow-fulfiller';
      import { testClient, esRequest } from 'dialogflow-fulfiller/testing';
      import { compat, WebhookClient } from 'dialogflow-fulfiller/compat/dialogflow-fulfillment';

      test('the package, required by the compiled test', async () => {
        const app = createFulfiller({ mode: 'test', env: {} });
        compat(app, (request, response) => void new WebhookClient({ request, response }).handleRequest((agent) => agent.add('Hi')));
        expect((await testClient(app).send(esRequest('hello'))).texts).toEqual(['Hi']);
        expect(() => new WebhookClient({} as never)).toThrow(FulfillerError);
      });
      `,
    );
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('JEST_')));
    const run = spawnSync(process.execPath, ['node_modules/jest/bin/jest.js', '--ci', 'consumer.test.ts'], {
      cwd: project,
      encoding: 'utf8',
      env: { ...env, NODE_OPTIONS: '' },
    });
    expect({ status: run.status, output: run.stderr }).toEqual({ status: 0, output: expect.stringContaining('1 passed') });
  }, 60_000);
});
