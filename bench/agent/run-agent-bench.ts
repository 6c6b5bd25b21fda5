/**
 * The agent section's measuring process (`npm run bench`, bench/agent/agent-section.ts): in one
 * process, alternating, the floor (read the zip, unzip it with fflate and JSON.parse every JSON
 * file) and the library (readAgent() and lintAgent() of the same export, against an app that
 * routes every tag); or, with `rss`, only the library once, for its peak memory.
 *
 *   node --import tsx bench/agent/run-agent-bench.ts ZIP time|rss ROUNDS
 */
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { distModule } from '../micro/dist-module.js';
import { BIG_AGENT, tagOf } from './generate-agent.js';

const [zip, mode, roundsText] = process.argv.slice(2);
const { createFulfiller } = await distModule<typeof import('../../src/index.js')>('index.js');
const { readAgent, lintAgent } = await distModule<typeof import('../../src/testing/index.js')>('testing/index.js');

const app = createFulfiller({ mode: 'production', env: { LOG_LEVEL: 'silent' } });
for (let f = 0; f < BIG_AGENT.flows; f++) for (let p = 0; p < BIG_AGENT.pagesPerFlow; p++) app.tag(tagOf(f, p), () => {});
const description = app.describe();

function floor(): number {
  const files = unzipSync(readFileSync(zip!));
  const decoder = new TextDecoder();
  let count = 0;
  for (const [name, bytes] of Object.entries(files)) {
    if (!name.endsWith('.json')) continue;
    JSON.parse(decoder.decode(bytes));
    count++;
  }
  return count;
}

async function library(): Promise<number> {
  const report = lintAgent(await readAgent(zip!), description);
  return report.findings.length;
}

const time = async (work: () => unknown): Promise<number> => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};

if (mode === 'rss') {
  const findings = await library();
  process.send!({ findings, peakRssMB: process.resourceUsage().maxRSS / 1024 });
} else {
  await time(floor); // warm-up, both
  await time(library);
  const floorMs: number[] = [];
  const libraryMs: number[] = [];
  for (let i = 0; i < Number(roundsText); i++) {
    floorMs.push(await time(floor));
    libraryMs.push(await time(library));
  }
  process.send!({ floorMs, libraryMs, files: floor(), findings: await library() });
}
await app.close({ graceMs: 10 });
