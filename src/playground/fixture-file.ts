import { mkdir, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { FixtureNameError } from '../index.js';

const NAME = /^[\w][\w.-]*(?:\/[\w][\w.-]*)*$/;

/**
 * The file a fixture name stands for, inside `dir`: `order-status` → `DIR/order-status.json`,
 * `cx/order-status` → `DIR/cx/order-status.json`. Anything that could end up outside `dir`
 * (`..`, an absolute path, a backslash, a folder that is a link to elsewhere) is refused.
 */
export async function fixtureFile(dir: string, name: string): Promise<string> {
  const bare = name.trim().replace(/\.json$/i, '');
  if (bare.length > 120 || !NAME.test(bare) || bare.split('/').some((part) => part === '..' || part.startsWith('.'))) {
    throw new FixtureNameError(name, dir);
  }
  const root = resolve(dir);
  const file = resolve(root, `${bare}.json`);
  if (!inside(root, file)) throw new FixtureNameError(name, dir);
  await mkdir(dirname(file), { recursive: true });
  if (!inside(await realpath(root), await realpath(dirname(file)))) throw new FixtureNameError(name, dir);
  return file;
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
