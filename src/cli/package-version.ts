import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The version of the installed package, from its package.json: the first one above this
 * module named dialogflow-fulfiller (the bundle in dist/lib, the compiled dist/src, or src/).
 * Read when asked, so that no start pays for it.
 */
export function packageVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (manifest.name === 'dialogflow-fulfiller' && typeof manifest.version === 'string') return manifest.version;
    } catch {
      // No package.json here (or not ours): look further up.
    }
    const parent = dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}
