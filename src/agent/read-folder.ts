import type { Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { AgentTooLargeError, AgentUnreadableError } from '../errors.js';
import { mebibytes, type ExportLimits } from './export-limits.js';
import { exportPath } from './export-path.js';
import type { RawExport } from './raw-export.js';

/**
 * Reads an unzipped export: every file below the folder, without following symbolic links (an
 * export has none, and one could lead anywhere), within the same limits as a zip.
 */
export async function readFolder(folder: string, limits: ExportLimits): Promise<RawExport> {
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { recursive: true, withFileTypes: true });
  } catch (error) {
    throw new AgentUnreadableError(folder, (error as NodeJS.ErrnoException).code ?? 'unreadable');
  }
  if (entries.length > limits.maxEntries) throw new AgentTooLargeError(folder, `it has more than ${limits.maxEntries} files`);
  const files = new Map<string, Uint8Array>();
  const paths: string[] = [];
  let total = 0;
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath ?? entry.path, entry.name);
    const path = exportPath(relative(folder, full), folder);
    if (path === undefined) continue;
    paths.push(path);
    if (!path.toLowerCase().endsWith('.json')) continue;
    let bytes: Buffer;
    try {
      bytes = await readFile(full);
    } catch (error) {
      throw new AgentUnreadableError(full, (error as NodeJS.ErrnoException).code ?? 'unreadable');
    }
    total += bytes.length;
    if (total > limits.maxBytes) throw new AgentTooLargeError(folder, `its JSON files hold more than ${mebibytes(limits.maxBytes)}`);
    files.set(path, bytes);
  }
  return { source: folder, files, paths };
}
