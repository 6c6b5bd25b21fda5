#!/usr/bin/env node
/**
 * `npm pack` and `npm publish` run this around packing (prepack: `strip`, postpack: `restore`).
 *
 * The repository's package.json has a `prepare` script so that `npm ci` on a clone builds
 * dist/ (README: `npm ci && npm start`, `npm ci && npm test`; .ci/run and the Dockerfile rely on
 * it). A published package.json must not have one: npm lists every package that declares an
 * install-time script (`prepare` included) in a warning on each install, although it never runs
 * it for a package from the registry. So the packed manifest goes without it, and the file in
 * the repository gets it back afterwards, byte for byte (package.json is kept in npm's own
 * format, which a test checks).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const file = join(dirname(fileURLToPath(import.meta.url)), '../../package.json');
const PREPARE = 'npm run build';
/** Scripts npm runs when a package is installed: none of them may be published. */
const INSTALL_TIME = ['preinstall', 'install', 'postinstall', 'prepare', 'preprepare', 'postprepare'];

const manifest = JSON.parse(readFileSync(file, 'utf8'));
const scripts = manifest.scripts ?? {};
const command = process.argv[2];
if (command === 'strip') {
  const unexpected = INSTALL_TIME.filter((name) => name in scripts && !(name === 'prepare' && scripts[name] === PREPARE));
  if (unexpected.length > 0) throw new Error(`package.json has install-time scripts this script does not know how to restore: ${unexpected.join(', ')}`);
  delete scripts.prepare;
} else if (command === 'restore') {
  if (!('prepare' in scripts)) {
    // Back in its place, after `build`, so that the file is as it was.
    manifest.scripts = Object.fromEntries(Object.entries(scripts).flatMap((entry) => (entry[0] === 'build' ? [entry, ['prepare', PREPARE]] : [entry])));
  }
} else {
  throw new Error('usage: node scripts/pack/publish-manifest.mjs strip|restore');
}
writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
