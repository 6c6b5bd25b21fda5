#!/usr/bin/env node
/**
 * Bundles what tsc compiled (dist/src) into dist/lib, the code the package runs:
 *
 *   dist/lib/fulfiller.cjs       the whole library, CLI, testing tools and compat module in one CommonJS file
 *   dist/lib/library.cjs         the CommonJS module that loads it through a V8 code cache
 *                                (cached-module.cjs, src/runtime/cached-module.ts): Node's module
 *                                cache keeps it, so `import` and `require` get the same instance
 *   dist/lib/fulfiller.js        the ES module that requires library.cjs and exports its names
 *   dist/lib/index.js, .cjs      `dialogflow-fulfiller` for `import` (its names from fulfiller.js)
 *                                and for `require` (its names from library.cjs)
 *   dist/lib/testing/index.*     `dialogflow-fulfiller/testing`, the same way
 *   dist/lib/auth/index.*        `dialogflow-fulfiller/auth`, the same way
 *   dist/lib/compat/dialogflow-fulfillment/index.*
 *                                `dialogflow-fulfiller/compat/dialogflow-fulfillment`, the same way
 *   dist/src/<entry>.d.cts       the types of each entry point for `require`: its .d.ts re-exported
 *   dist/lib/cli/main.js         the `fulfiller` binary (what src/cli/main.ts does)
 *   dist/lib/playground/         `fulfiller play`, kept out of the library so that none of it loads
 *                                with `fulfiller serve` or an app: play.js (the command and its
 *                                server) and app-child.js (the process the app runs in), which use
 *                                the library through its entry points, and the page it serves,
 *                                page.js and page.css (src/playground/page/, Preact and dagre)
 *   dist/lib/*-validators.cjs    each dialect's schema validators (src/generated), loaded by
 *                                fulfiller.js on first use; copied next to dist/src/generated too
 *   dist/lib/code-cache/         the V8 code cache of fulfiller.cjs and the validators (Node.js 20),
 *                                made by a warm-up run of the bundle (scripts/bundle/warm-code-cache.mjs)
 *                                for node without flags and with the flag `npm start` and the
 *                                Dockerfile use; read at run time, never written then. Node.js 22
 *                                and later use their own compile cache instead, and nothing is here
 *
 * One module rather than a hundred, or the twenty chunks of a split bundle, because loading
 * modules is most of a cold start: each costs a resolve, a read and a link. Every entry point
 * re-exports from the same file, so a class is one class however it is imported or required. The
 * dependencies stay outside; each loads only when used. CommonJS because an ES module cannot use
 * a code cache on Node.js 20, and compiling the library was most of what it added to a cold start.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, transform } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'dist/src');
const lib = join(root, 'dist/lib');

// Entry points: the module tsc compiled, and the prefix its names carry inside fulfiller.js.
const entries = [
  { file: 'index.js', prefix: '' },
  { file: 'testing/index.js', prefix: 'testing$' },
  { file: 'cli/run-cli.js', prefix: 'cli$' },
  { file: 'auth/index.js', prefix: 'auth$' },
  { file: 'compat/dialogflow-fulfillment/index.js', prefix: 'compat$dialogflow_fulfillment$' },
];

for (const entry of entries) entry.names = Object.keys(await import(pathToFileURL(join(src, entry.file)).href)).sort();

const aliases = (entry) => entry.names.map((name) => (entry.prefix === '' ? name : `${name} as ${entry.prefix}${name}`)).join(', ');
const source = entries.map((entry) => `export { ${aliases(entry)} } from './${entry.file}';\n`).join('');
const bundleEntry = join(src, 'bundle-entry.js');
writeFileSync(bundleEntry, source);

rmSync(lib, { recursive: true, force: true });
mkdirSync(lib, { recursive: true });
// The key line lets the library keep a V8 code cache of a file (src/runtime/cached-module.ts).
const keyLine = (key) => `// code-cache-key: ${key}`;
const codeKey = (code) => createHash('sha256').update(code).digest('hex').slice(0, 16);

const generated = join(root, 'src/generated');
for (const name of readdirSync(generated).filter((file) => file.endsWith('-validators.cjs'))) {
  const { code } = await transform(readFileSync(join(generated, name), 'utf8'), { minifyWhitespace: true, format: 'cjs', logLevel: 'warning' });
  const keyed = `${keyLine(codeKey(code))}\n${code}`;
  writeFileSync(join(lib, name), keyed);
  writeFileSync(join(src, 'generated', name), keyed);
}
// The bundle's key line goes first with a placeholder of its final length, so the source map stays right.
const KEY_PLACEHOLDER = '0'.repeat(16);
const { outputFiles } = await build({
  entryPoints: [bundleEntry],
  outfile: join(lib, 'fulfiller.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['ioredis', 'google-auth-library', '@opentelemetry/api', 'ajv', 'ajv-formats', 'jsonpath-plus', 'yaml', 'dialogflow-fulfiller'],
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: `${keyLine(KEY_PLACEHOLDER)}\nconst __bundleUrl = require('node:url').pathToFileURL(__filename).href;` },
  plugins: [playgroundEntry()],
  minifyWhitespace: true,
  sourcemap: true,
  write: false,
  logLevel: 'warning',
  absWorkingDir: root,
});
for (const file of outputFiles) {
  let text = file.text;
  if (file.path.endsWith('.cjs')) text = text.replace(keyLine(KEY_PLACEHOLDER), keyLine(codeKey(text)));
  writeFileSync(file.path, text);
}
await build({
  entryPoints: [join(src, 'runtime/cached-module.js')],
  outfile: join(lib, 'cached-module.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minifyWhitespace: true,
  logLevel: 'warning',
});
// The one loader of the library: ES modules import it and CommonJS requires it, and Node's module
// cache hands both the same exports, so one process has one FulfillerError class, one deadline queue.
writeFileSync(
  join(lib, 'library.cjs'),
  `'use strict';\nmodule.exports = require('./cached-module.cjs').loadCachedModule(require.resolve('./fulfiller.cjs'));\n`,
);
const allNames = entries.flatMap((entry) => entry.names.map((name) => `${entry.prefix}${name}`));
// Required rather than imported: an `import` of a CommonJS file has Node.js run its export lexer
// over it and over the file it loads, a few milliseconds of every cold start.
writeFileSync(
  join(lib, 'fulfiller.js'),
  `import { createRequire } from 'node:module';\n\nconst lib = createRequire(import.meta.url)('./library.cjs');\n\nexport const { ${allNames.join(', ')} } = lib;\n`,
);

for (const entry of entries.filter((e) => e.file !== 'cli/run-cli.js')) {
  const out = join(lib, entry.file);
  const from = (file) => `./${relative(dirname(out), join(lib, file))}`.replace(/^\.\/\.\.\//, '../');
  const names = entry.names.map((name) => (entry.prefix === '' ? name : `${entry.prefix}${name} as ${name}`)).join(', ');
  const members = entry.names.map((name) => `  ${name}: lib.${entry.prefix}${name},\n`).join('');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `export { ${names} } from '${from('fulfiller.js')}';\n`);
  writeFileSync(out.replace(/\.js$/, '.cjs'), `'use strict';\nconst lib = require('${from('library.cjs')}');\n\nmodule.exports = {\n${members}};\n`);
  // Types for `require` (TypeScript's node16 resolution reads a .d.ts here as an ES module's).
  writeFileSync(join(src, entry.file.replace(/\.js$/, '.d.cts')), `export * from './${entry.file.split('/').pop()}';\n`);
}

const cli = join(lib, 'cli/main.js');
mkdirSync(dirname(cli), { recursive: true });
writeFileSync(cli, `#!/usr/bin/env node\nimport { cli$runCli } from '../fulfiller.js';\n\ncli$runCli(process.argv.slice(2));\n`);
chmodSync(cli, 0o755);

await buildPlayground();

// The warm-up writes its caches where any run would (a cache directory, src/runtime/code-cache-dir.ts),
// a fresh one here; they are then shipped next to the bundle, where starts read them.
const warmed = mkdtempSync(join(tmpdir(), 'fulfiller-code-cache-'));
try {
  const env = { ...process.env, NODE_OPTIONS: '', NODE_COMPILE_CACHE: warmed, NODE_DISABLE_COMPILE_CACHE: '' };
  for (const flags of [[], ['--max-semi-space-size=2']]) {
    execFileSync(process.execPath, [...flags, join(root, 'scripts/bundle/warm-code-cache.mjs')], { stdio: 'inherit', env });
  }
  const made = join(warmed, 'dialogflow-fulfiller');
  const caches = existsSync(made) ? readdirSync(made).filter((name) => name.endsWith('.bin')) : [];
  if (caches.length > 0) mkdirSync(join(lib, 'code-cache'));
  for (const name of caches) copyFileSync(join(made, name), join(lib, 'code-cache', name));
} finally {
  rmSync(warmed, { recursive: true, force: true });
}

/** The CLI finds `fulfiller play` in its own bundle, next to the library (src/cli/playground-entry.ts). */
function playgroundEntry() {
  return {
    name: 'playground-entry',
    setup(builder) {
      builder.onLoad({ filter: /[\\/]cli[\\/]playground-entry\.js$/ }, () => ({
        contents: "export function playgroundEntry() { return new URL('./playground/play.js', import.meta.url).href; }",
        loader: 'js',
      }));
    },
  };
}

/**
 * dist/lib/playground/: the command and the app's process as ES modules that import the library
 * from its entry points (one copy of every class), and the page for the browser, minified.
 */
async function buildPlayground() {
  const out = join(lib, 'playground');
  const entryPoints = new Map([
    [join(src, 'index.js'), '../index.js'],
    [join(src, 'testing/index.js'), '../testing/index.js'],
  ]);
  const own = [join(src, 'playground') + sep];
  const boundary = {
    name: 'playground-boundary',
    setup(builder) {
      builder.onResolve({ filter: /^\.\.?\// }, (args) => {
        const path = resolve(args.resolveDir, args.path);
        if (entryPoints.has(path)) return { path: entryPoints.get(path), external: true };
        if (own.some((allowed) => path === allowed || path.startsWith(allowed))) return undefined;
        return {
          errors: [
            {
              text: `${relative(src, args.importer)} imports ${relative(src, path)}: the playground uses the library through its entry points (index.js, testing/index.js)`,
            },
          ],
        };
      });
    },
  };
  await build({
    entryPoints: { play: join(src, 'playground/play-command.js'), 'app-child': join(src, 'playground/app-child.js') },
    outdir: out,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minifyWhitespace: true,
    plugins: [boundary],
    logLevel: 'warning',
  });
  const page = join(root, 'src/playground/page');
  await build({
    entryPoints: [join(page, 'main.ts')],
    outfile: join(out, 'page.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome111', 'firefox111', 'safari16'],
    minify: true,
    tsconfig: join(page, 'tsconfig.json'),
    logLevel: 'warning',
  });
  await build({ entryPoints: [join(page, 'page.css')], outfile: join(out, 'page.css'), bundle: true, minify: true, logLevel: 'warning' });
}
