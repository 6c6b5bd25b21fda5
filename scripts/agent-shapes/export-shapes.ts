import { AgentFiles } from '../../src/agent/agent-files.js';
import { DEFAULT_EXPORT_LIMITS } from '../../src/agent/export-limits.js';
import { readExport } from '../../src/agent/read-export.js';
import { fileKind, mergeShapes, shapeOf, type Shape } from './json-shape.js';

/** The shape of every kind of file in an export (read with the library's own reader), merged over the files of each kind. */
export async function exportShapes(path: string, dialect: 'cx' | 'es'): Promise<Record<string, Shape>> {
  const files = AgentFiles.of(await readExport(path, DEFAULT_EXPORT_LIMITS));
  const shapes: Record<string, Shape> = {};
  for (const file of files.under('')) {
    const kind = fileKind(dialect, file);
    if (kind === undefined) continue;
    const shape = shapeOf(files.json(file));
    shapes[kind] = shapes[kind] === undefined ? shape : mergeShapes(shapes[kind]!, shape);
  }
  return Object.fromEntries(Object.entries(shapes).sort(([a], [b]) => a.localeCompare(b)));
}
