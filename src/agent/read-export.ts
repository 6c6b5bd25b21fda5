import type { Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { AgentBlobExportError, AgentTooLargeError, AgentUnreadableError, NotAnAgentError } from '../errors.js';
import { mebibytes, type ExportLimits } from './export-limits.js';
import type { RawExport } from './raw-export.js';
import { readFolder } from './read-folder.js';
import { readZip } from './read-zip.js';

/** The files of an export given as a folder or a .zip; anything else is told apart and refused. */
export async function readExport(path: string, limits: ExportLimits): Promise<RawExport> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new AgentUnreadableError(path, code === 'ENOENT' ? 'there is no such file or folder' : (code ?? 'unreadable'));
  }
  if (info.isDirectory()) return readFolder(path, limits);
  if (info.size > limits.maxBytes) throw new AgentTooLargeError(path, `the file is over ${mebibytes(limits.maxBytes)}`);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new AgentUnreadableError(path, (error as NodeJS.ErrnoException).code ?? 'unreadable');
  }
  // "PK\x03\x04" starts a zip's first entry; "PK\x05\x06" an empty zip.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return readZip(bytes, path, limits);
  if (looksLikeJson(bytes)) throw new NotAnAgentError(path, 'it is one JSON file; give the .zip the console exported, or the folder it unzips to');
  throw new AgentBlobExportError(path);
}

function looksLikeJson(bytes: Uint8Array): boolean {
  const text = new TextDecoder()
    .decode(bytes.subarray(0, 64))
    .replace(/^\uFEFF/, '')
    .trimStart();
  return text.startsWith('{') || text.startsWith('[');
}
