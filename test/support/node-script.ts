import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Runs an ES module in a fresh node, from a file so that node's own flags are only `flags`
 * (what `node app.js` would have), without the caller's NODE_OPTIONS, with `env` added.
 */
export function runNodeScript(
  script: string,
  options: { flags?: readonly string[]; env?: Record<string, string>; maxBuffer?: number } = {},
): SpawnSyncReturns<string> {
  const dir = mkdtempSync(join(tmpdir(), 'node-script-'));
  try {
    writeFileSync(join(dir, 'script.mjs'), script);
    return spawnSync(process.execPath, [...(options.flags ?? []), join(dir, 'script.mjs')], {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '', ...options.env },
      ...(options.maxBuffer === undefined ? {} : { maxBuffer: options.maxBuffer }),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
