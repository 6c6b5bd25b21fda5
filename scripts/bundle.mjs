#!/usr/bin/env node
/**
 * Bundles what tsc compiled (dist/src) into dist/lib, the code the package runs:
 *
 *   dist/lib/fulfiller.cjs       the whole library, CLI and testing tools in one CommonJS file
 *   dist/lib/fulfiller.js        the ES module that loads it through a V8 code cache
 *                                (cached-module.js, src/runtime/cached-module.ts) and exports its names
 *   dist/lib/index.js            `dialogflow-fulfiller`: re-exports its names from fulfiller.js
 *   dist/lib/testing/index.js    `dialogflow-fulfiller/testing`, the same way
 *   dist/lib/auth/index.js       `dialogflow-fulfiller/auth`, the same way
 *   dist/lib/cli/main.js         the `fulfiller` binary (what src/cli/main.ts does)
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
 * re-exports from the same file, so a class is one class however it is imported. The
 * dependencies stay outside; each loads only when used. CommonJS because an ES module cannot use
 * a code cache on Node.js 20, and compiling the library was most of what it added to a cold start.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
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
  external: ['ioredis', 'google-auth-library', '@opentelemetry/api', 'dialogflow-fulfiller'],
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: `${keyLine(KEY_PLACEHOLDER)}\nconst __bundleUrl = require('node:url').pathToFileURL(__filename).href;` },
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
  outfile: join(lib, 'cached-module.js'),
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minifyWhitespace: true,
  logLevel: 'warning',
});
const allNames = entries.flatMap((entry) => entry.names.map((name) => `${entry.prefix}${name}`));
writeFileSync(
  join(lib, 'fulfiller.js'),
  `import { fileURLToPath } from 'node:url';\nimport { loadCachedModule } from './cached-module.js';\n\n` +
    `const lib = loadCachedModule(fileURLToPath(new URL('./fulfiller.cjs', import.meta.url)));\n` +
    `export const { ${allNames.join(', ')} } = lib;\n`,
);

for (const entry of entries.filter((e) => e.file !== 'cli/run-cli.js')) {
  const out = join(lib, entry.file);
  const from = relative(dirname(out), join(lib, 'fulfiller.js'));
  const names = entry.names.map((name) => (entry.prefix === '' ? name : `${entry.prefix}${name} as ${name}`)).join(', ');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `export { ${names} } from './${from}';\n`);
}

const cli = join(lib, 'cli/main.js');
mkdirSync(dirname(cli), { recursive: true });
writeFileSync(cli, `#!/usr/bin/env node\nimport { cli$runCli } from '../fulfiller.js';\n\ncli$runCli(process.argv.slice(2));\n`);
chmodSync(cli, 0o755);

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
