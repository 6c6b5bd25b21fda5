/**
 * Fault test (a script, not a unit test): a backend that hangs, resets the connection or answers
 * 500, behind handlers with and without a circuit breaker. Every turn must still be answered 200,
 * with a valid WebhookResponse, within the turn's budget (FULFILLER_DEADLINE_MS, here 1500 ms) plus
 * a small transport margin. Prints per-fault figures; exit 1 on any failure.
 *
 *   npm run load:faults                  200 requests per fault, 20 at a time
 */
import { validateSchema } from '../../src/index.js';
import { cxBody, startBackend, startServer } from './processes.js';

const DEADLINE_MS = 1500;
const MARGIN_MS = 250;
const REQUESTS = Number(process.env.FAULT_REQUESTS ?? '200');
const CONCURRENCY = Number(process.env.FAULT_CONCURRENCY ?? '20');
const TEXTS: Record<string, string> = {
  'Sorry, the system is currently unavailable. Please try again later.': 'apology',
  'This is taking longer than usual. Please ask me again in a moment.': 'timeout message',
};

interface Outcome {
  ms: number;
  status: number;
  answer: string;
  valid: boolean;
}

async function one(url: string, tag: string, i: number): Promise<Outcome> {
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: cxBody(tag, `fault-${i}`) });
  const text = await res.text();
  const ms = performance.now() - started;
  let answer = `HTTP ${res.status}`;
  let valid = false;
  if (res.status === 200) {
    const json = JSON.parse(text) as { fulfillmentResponse?: { messages?: { text?: { text?: string[] } }[] } };
    valid = validateSchema('cx', 'response', json).ok;
    const said = json.fulfillmentResponse?.messages?.[0]?.text?.text?.[0] ?? '';
    answer = TEXTS[said] ?? said;
  }
  return { ms, status: res.status, answer, valid };
}

async function run(url: string, tag: string): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < REQUESTS) outcomes.push(await one(url, tag, next++));
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return outcomes;
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const backend = await startBackend();
const server = await startServer({ LOAD_BACKEND_URL: backend.url, FULFILLER_DEADLINE_MS: String(DEADLINE_MS) });
let failures = 0;
const heard: Record<string, number> = { 'timeout message': 0, apology: 0 };
const rows: Record<string, Record<string, string | number>> = {};
try {
  for (const tag of ['raw.hang', 'guarded.hang', 'raw.reset', 'guarded.reset', 'raw.500', 'guarded.500']) {
    const outcomes = await run(server.url, tag);
    const ms = outcomes.map((o) => o.ms).sort((a, b) => a - b);
    const answers: Record<string, number> = {};
    for (const o of outcomes) answers[o.answer] = (answers[o.answer] ?? 0) + 1;
    for (const kind of Object.keys(heard)) heard[kind]! += answers[kind] ?? 0;
    const late = outcomes.filter((o) => o.ms > DEADLINE_MS + MARGIN_MS).length;
    const bad = outcomes.filter((o) => o.status !== 200 || !o.valid).length;
    failures += late + bad;
    rows[tag] = {
      requests: outcomes.length,
      '200 + valid': outcomes.length - bad,
      'p50 ms': Math.round(percentile(ms, 50)),
      'p99 ms': Math.round(percentile(ms, 99)),
      'max ms': Math.round(ms.at(-1)!),
      'over budget': late,
      answers: Object.entries(answers)
        .map(([answer, n]) => `${n} ${answer}`)
        .join(', '),
    };
  }
  console.table(rows);
  // The server's own count of what happened, as Prometheus would scrape it.
  const metrics = await (await fetch(server.url.replace('/webhook', '/metrics'))).text();
  const total = (name: string): number =>
    metrics
      .split('\n')
      .filter((line) => line.startsWith(`${name}{`))
      .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
  const counted = { deadlines: total('fulfiller_deadline_exceeded_total'), errors: total('fulfiller_errors_total') };
  console.log(`/metrics: fulfiller_deadline_exceeded_total ${counted.deadlines}, fulfiller_errors_total ${counted.errors}`);
  if (counted.deadlines !== heard['timeout message'] || counted.errors !== heard.apology) {
    console.log(`FAIL: /metrics disagrees with what the callers heard (${heard['timeout message']} timeout messages, ${heard.apology} apologies)`);
    failures++;
  }
  console.log(`budget ${DEADLINE_MS} ms (+${MARGIN_MS} ms transport margin), ${REQUESTS} requests per fault, ${CONCURRENCY} at a time`);
  console.log(failures === 0 ? 'PASS: every turn answered 200, valid, within the budget' : `FAIL: ${failures} turns late, refused or invalid`);
  process.exitCode = failures === 0 ? 0 : 1;
} finally {
  await server.stop();
  await backend.stop();
}
