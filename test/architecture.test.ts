import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The layer table of docs/architecture.md is the layering that `npm run lint` enforces
 * (.dependency-cruiser.cjs): the same folders in the same layers, and every folder of src/ in one.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Rule {
  name: string;
  from: { path: string };
  to: { path: string };
}

/** The layers, bottom first, read back from the rules that forbid importing upward. */
function enforcedLayers(): string[][] {
  const config = createRequire(import.meta.url)(path.join(root, '.dependency-cruiser.cjs')) as { forbidden: Rule[] };
  const rules = config.forbidden.filter((rule) => /^layer-\d+-imports-upward$/.test(rule.name));
  const names = (pattern: string) =>
    /^\^src\/\((.*)\)\(\/\|\$\)$/
      .exec(pattern)![1]!
      .split('|')
      .map((name) => name.replace('\\.', '.'));
  const layers = rules.map((rule) => names(rule.from.path));
  // The top layer has no rule of its own: it is what the last rule forbids.
  const below = new Set(layers.flat());
  layers.push(names(rules.at(-1)!.to.path).filter((name) => !below.has(name)));
  return layers;
}

/** The first column's folders and files of each row, as written in the table. */
function documentedLayers(): string[][] {
  const rows: string[][] = [];
  for (const line of readFileSync(path.join(root, 'docs/architecture.md'), 'utf8').split('\n')) {
    const row = /^\| (\d+(?:, ground floor)?|top|clients) \| ([^|]+) \|/.exec(line);
    if (row === null) continue;
    const named = [...row[2]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    // "index.ts (and testing/index.ts, …)": the entry files below a folder belong to that folder.
    rows.push(named.filter((name) => !name.slice(0, -1).includes('/')).map((name) => name.replace(/\/$/, '')));
  }
  return rows;
}

describe('docs/architecture.md', () => {
  it('lists the layers that the lint enforces, in their order', () => {
    expect(documentedLayers()).toEqual(enforcedLayers());
  });

  it('puts every folder and top-level file of src/ in a layer', () => {
    const placed = new Set(enforcedLayers().flat());
    const entries = readdirSync(path.join(root, 'src'), { withFileTypes: true }).map((entry) => entry.name);
    expect(entries.filter((name) => !placed.has(name))).toEqual([]);
  });
});
