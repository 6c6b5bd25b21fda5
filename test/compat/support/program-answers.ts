import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EsWebhookRequest } from '../../../src/index.js';
import type { Answer } from './user-view.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Runs a program written for dialogflow-fulfillment on the requests, with one library or the other (run-program.cjs). */
export function runProgram(program: string, library: 'legacy' | 'compat', requests: readonly EsWebhookRequest[]): Answer[] {
  const output = execFileSync(process.execPath, [path.join(here, 'run-program.cjs'), path.join(here, program), library], {
    input: JSON.stringify(requests),
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent' },
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  return JSON.parse(output.toString()) as Answer[];
}

/** A recorded case: the request and what dialogflow-fulfillment 0.6.1 answered. */
export interface Recorded {
  name: string;
  request: EsWebhookRequest;
  answer: Answer;
}

/**
 * The old library's answers as recorded in `file`, checked against `live` (its answers now, when
 * it could run): with UPDATE_COMPAT_FIXTURES=1 the file is written instead.
 */
export function recordedAnswers(file: string, live: readonly Recorded[] | undefined): Recorded[] {
  if (live !== undefined && process.env.UPDATE_COMPAT_FIXTURES === '1') writeFileSync(file, `${JSON.stringify(live, null, 2)}\n`);
  if (!existsSync(file)) throw new Error(`${file} is missing: run this test with UPDATE_COMPAT_FIXTURES=1 (it needs what the recording needs)`);
  return JSON.parse(readFileSync(file, 'utf8')) as Recorded[];
}
