import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Pinning } from '../process/cpu-pinning.js';
import { median } from '../report/stats.js';
import { BIG_AGENT, generateAgentZip } from './generate-agent.js';

/** Reading and linting a big agent, against unzipping and parsing the same export. */
export interface AgentBench {
  /** What was read: pages, routes, intents, JSON files, zip size. */
  size: { pages: number; routes: number; intents: number; files: number; zipMB: number };
  /** Medians over the rounds, ms. */
  floorMs: number;
  libraryMs: number;
  ratio: number;
  /** Peak resident memory of a process that only reads and lints the export, MB. */
  peakRssMB: number;
  findings: number;
  rounds: number;
}

/**
 * Generates the agent (1,000 pages, 3,000 routes, 2,000 intents), then in a process of
 * its own times readAgent() + lintAgent() against the floor measured alongside (unzip + JSON.parse
 * of the same zip), and in another measures the peak RSS of reading and linting alone.
 */
export async function runAgentSection(rounds: number, pinning: Pinning, log: (line: string) => void): Promise<AgentBench> {
  const dir = mkdtempSync(join(tmpdir(), 'fulfiller-bench-agent-'));
  try {
    const zip = join(dir, 'agent.zip');
    const bytes = generateAgentZip();
    writeFileSync(zip, bytes);
    log(`agent: ${BIG_AGENT.flows * BIG_AGENT.pagesPerFlow} pages, ${BIG_AGENT.intents} intents, ${(bytes.length / 1e6).toFixed(1)} MB zip; ${rounds} rounds…`);
    const timed = (await child(zip, 'time', rounds, pinning)) as { floorMs: number[]; libraryMs: number[]; files: number; findings: number };
    const memory = (await child(zip, 'rss', 1, pinning)) as { peakRssMB: number };
    const floorMs = median(timed.floorMs);
    const libraryMs = median(timed.libraryMs);
    return {
      size: {
        pages: BIG_AGENT.flows * BIG_AGENT.pagesPerFlow,
        routes: BIG_AGENT.flows * BIG_AGENT.pagesPerFlow * BIG_AGENT.routesPerPage,
        intents: BIG_AGENT.intents,
        files: timed.files,
        zipMB: bytes.length / 1e6,
      },
      floorMs,
      libraryMs,
      ratio: libraryMs / floorMs,
      peakRssMB: memory.peakRssMB,
      findings: timed.findings,
      rounds,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function child(zip: string, mode: 'time' | 'rss', rounds: number, pinning: Pinning): Promise<unknown> {
  const script = fileURLToPath(new URL('./run-agent-bench.ts', import.meta.url));
  const [command, ...args] = [...pinning.serverPrefix, process.execPath, ...process.execArgv, script, zip, mode, String(rounds)];
  const process_ = spawn(command!, args, { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production' } });
  let stderr = '';
  process_.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  return new Promise((resolve, reject) => {
    let result: unknown;
    process_.on('message', (message) => (result = message));
    process_.on('error', reject);
    process_.on('exit', (code) =>
      result !== undefined ? resolve(result) : reject(new Error(`the agent benchmark failed (exit ${String(code)}):\n${stderr}`)),
    );
  });
}
