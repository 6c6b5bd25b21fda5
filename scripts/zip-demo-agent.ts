/**
 * `npm run demo:agent`: zips the demo agent's exports for import into the consoles, in the
 * layout the consoles export (agent.json at the root of the zip):
 *
 *   dist/demo-agent/fulfiller-demo-cx.zip   Dialogflow CX: Agent settings › Restore (JSON package)
 *   dist/demo-agent/fulfiller-demo-es.zip   Dialogflow ES: Settings › Export and Import › Restore from zip
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { zipSync, type Zippable } from 'fflate';
import { repoRoot } from './conformance/shared-dir.js';

/** Zips `demo/agent/<dialect>` folders into `out`; returns the files written. */
export function zipDemoAgents(out = path.join(repoRoot, 'dist/demo-agent')): string[] {
  mkdirSync(out, { recursive: true });
  return (['cx', 'es'] as const).map((dialect) => {
    const folder = path.join(repoRoot, 'demo/agent', dialect);
    const files: Zippable = {};
    for (const name of readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort()) {
      if (name.endsWith('.json')) files[name.split(path.sep).join('/')] = readFileSync(path.join(folder, name));
    }
    const zip = path.join(out, `fulfiller-demo-${dialect}.zip`);
    writeFileSync(zip, zipSync(files, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') }));
    return zip;
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const zip of zipDemoAgents()) console.log(`wrote ${path.relative(process.cwd(), zip)}`);
}
