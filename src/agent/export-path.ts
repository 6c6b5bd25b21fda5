import { AgentUnsafeEntryError } from '../errors.js';

// What archivers and desktops add beside an export: macOS resource forks and folder settings,
// Windows thumbnails, version-control folders of an export kept in a repository.
const JUNK = new Set(['__MACOSX', '.DS_Store', 'Thumbs.db', 'desktop.ini', '.git', '.svn', '.hg']);

/**
 * A zip entry's or file's name as a path inside the export: `/` between folders, no leading
 * slash (real ES exports have an entry `/customSmalltalkResponses_en.json`, a root file), no
 * empty or `.` segments. Undefined for folders and for junk. A name that climbs out (`..`) or
 * names a drive is refused before anything is read.
 */
export function exportPath(name: string, source: string): string | undefined {
  const unified = name.replace(/\\/g, '/');
  if (/^[A-Za-z]:/.test(unified)) throw new AgentUnsafeEntryError(source, name);
  const segments = unified.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.includes('..')) throw new AgentUnsafeEntryError(source, name);
  if (segments.length === 0 || unified.endsWith('/')) return undefined;
  if (segments.some((segment) => JUNK.has(segment) || segment.startsWith('._'))) return undefined;
  return segments.join('/');
}

/** A file or folder name as designers wrote it: exports percent-encode some characters (`%3a` is `:`). */
export function decodeName(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name; // a lone `%` that encodes nothing
  }
}
