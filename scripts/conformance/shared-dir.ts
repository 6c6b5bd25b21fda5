import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** ../shared next to the repository (FULFILLER_SHARED_DIR overrides): the oracle and the official samples. */
export const sharedDir = process.env['FULFILLER_SHARED_DIR'] ?? path.resolve(repoRoot, '../shared');
/** Google's proto3 JSON parser over the official protos. */
export const pbjsonScript = path.join(sharedDir, 'tools/pbjson/pbjson.py');

/** True when the oracle is there; otherwise says why the check is skipped. */
export function oracleAvailable(): boolean {
  if (existsSync(pbjsonScript)) return true;
  console.log(`skipped: the pbjson oracle is not at ${pbjsonScript} (set FULFILLER_SHARED_DIR to the shared directory)`);
  return false;
}
