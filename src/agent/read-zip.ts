import type * as Fflate from 'fflate';
import { AgentTooLargeError, AgentUnsafeEntryError, AgentZipError } from '../errors.js';
import { importModule } from '../ops/import-module.js';
import { mebibytes, type ExportLimits } from './export-limits.js';
import { exportPath } from './export-path.js';
import type { RawExport } from './raw-export.js';

// Compressed bytes handed to the inflater at a time: one slice inflates to at most ~1000 times
// its size, so the byte limit is never overshot by more than this much before it is noticed.
const SLICE = 16 * 1024;

/**
 * Reads a zip export in memory with fflate: the central directory first (a truncated or corrupt
 * zip fails here, and every entry name is checked before anything is inflated), then the JSON
 * entries inflated slice by slice, counting the bytes that actually come out, whatever sizes
 * the zip declares.
 */
export async function readZip(bytes: Uint8Array, source: string, limits: ExportLimits): Promise<RawExport> {
  const fflate = await importModule<typeof Fflate>('fflate');
  const declared = listEntries(fflate, bytes, source, limits);
  const files = new Map<string, Uint8Array>();
  const state = { total: 0, failure: undefined as Error | undefined };
  const unzip = new fflate.Unzip();
  unzip.register(fflate.UnzipInflate);
  unzip.onfile = (file) => {
    const path = exportPath(file.name, source);
    const size = path === undefined ? undefined : declared.json.get(path);
    if (path === undefined || size === undefined || files.has(path) || state.failure !== undefined) return;
    const chunks: Uint8Array[] = [];
    let length = 0;
    file.ondata = (error, chunk, final) => {
      if (state.failure !== undefined) return;
      if (error !== null) return void (state.failure = new AgentZipError(source, `the entry ${path} does not inflate`, error));
      length += chunk.length;
      state.total += chunk.length;
      if (state.total > limits.maxBytes) {
        state.failure = new AgentTooLargeError(source, `its JSON files inflate to more than ${mebibytes(limits.maxBytes)}`);
        return file.terminate();
      }
      chunks.push(chunk);
      if (!final) return;
      if (length !== size) state.failure = new AgentZipError(source, `the entry ${path} inflates to ${length} bytes where the zip's directory says ${size}`);
      else files.set(path, concat(chunks, length));
    };
    try {
      file.start();
    } catch (error) {
      state.failure = new AgentZipError(source, `the entry ${path} uses a compression or encryption Dialogflow exports never use`, error);
    }
  };
  try {
    for (let offset = 0; offset < bytes.length && state.failure === undefined; offset += SLICE) {
      unzip.push(bytes.subarray(offset, offset + SLICE), offset + SLICE >= bytes.length);
    }
  } catch (error) {
    throw state.failure ?? new AgentZipError(source, 'its entries are damaged', error);
  }
  if (state.failure !== undefined) throw state.failure;
  for (const path of declared.json.keys()) {
    if (!files.has(path)) throw new AgentZipError(source, `the entry ${path} is listed but its data cannot be found`);
  }
  return { source, files, paths: declared.paths };
}

interface Listing {
  /** JSON entries and their declared sizes. */
  json: Map<string, number>;
  /** Every file in the export. */
  paths: string[];
}

function listEntries(fflate: typeof Fflate, bytes: Uint8Array, source: string, limits: ExportLimits): Listing {
  const listing: Listing = { json: new Map(), paths: [] };
  let entries = 0;
  try {
    fflate.unzipSync(bytes, {
      filter: (info) => {
        if (++entries > limits.maxEntries) throw new AgentTooLargeError(source, `it has more than ${limits.maxEntries} entries`);
        const path = exportPath(info.name, source);
        if (path === undefined) return false;
        listing.paths.push(path);
        if (path.toLowerCase().endsWith('.json') && !listing.json.has(path)) listing.json.set(path, info.originalSize);
        return false; // nothing is inflated here
      },
    });
  } catch (error) {
    if (error instanceof AgentTooLargeError || error instanceof AgentUnsafeEntryError) throw error;
    throw new AgentZipError(source, 'it is truncated or damaged: its central directory cannot be read', error);
  }
  return listing;
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
