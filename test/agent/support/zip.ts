import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';

/** Entries of a test zip: name → content (text or bytes). Names are written exactly as given. */
export type ZipEntries = Record<string, string | Uint8Array>;

/** A zip made in memory. */
export function zipOf(entries: ZipEntries): Uint8Array {
  const files: Zippable = {};
  for (const [name, content] of Object.entries(entries)) files[name] = typeof content === 'string' ? strToU8(content) : content;
  return zipSync(files, { level: 6, mtime: new Date('2026-01-01T00:00:00Z') });
}

/** Every file below a folder, as zip entries named by their path inside it. */
export function entriesOf(folder: string, prefix = ''): ZipEntries {
  const entries: ZipEntries = {};
  for (const name of readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort()) {
    const full = join(folder, name);
    try {
      entries[prefix + relative(folder, full).split('\\').join('/')] = readFileSync(full);
    } catch {
      // a folder
    }
  }
  return entries;
}
