/**
 * Load test (a script, not a unit test): `fulfiller serve` with a handler whose backend takes
 * 50 ms, hit by autocannon over loopback. Passes when every answer is a 200 with the handler's
 * own answer (not a timeout message or an apology). Prints the figures; exit 1 on any failure.
 *
 *   npm run load                         100 connections for 10 s
 *   LOAD_CONNECTIONS=50 LOAD_SECONDS=30 npm run load
 */
import autocannon from 'autocannon';
import { cxBody, startBackend, startServer } from './processes.js';

// What this script reads of autocannon's result (@types/autocannon does not type-check under NodeNext here).
interface Result {
  latency: { p50: number; p90: number; p99: number; max: number };
  requests: { total: number; average: number };
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
  mismatches: number;
}

const connections = Number(process.env.LOAD_CONNECTIONS ?? '100');
const seconds = Number(process.env.LOAD_SECONDS ?? '10');

const backend = await startBackend({ BACKEND_MS: '50' });
const server = await startServer({ LOAD_BACKEND_URL: backend.url });
try {
  const headers = { 'content-type': 'application/json' };
  const body = cxBody('load.ok');
  const expected = await (await fetch(server.url, { method: 'POST', headers, body })).text();
  if (!expected.includes('Your latest order A-1003')) throw new Error(`unexpected answer before the run: ${expected}`);

  const options = { url: server.url, method: 'POST', headers, body, connections, duration: seconds, expectBody: expected };
  const result = await new Promise<Result>(
    (resolve, reject) => void autocannon(options as never, (error: unknown, done: unknown) => (error ? reject(error) : resolve(done as Result))),
  );
  const { latency, requests } = result;
  const figures = {
    connections,
    seconds,
    'requests (total)': requests.total,
    'requests/s (mean)': Math.round(requests.average),
    'latency p50 ms': latency.p50,
    'latency p90 ms': latency.p90,
    'latency p99 ms': latency.p99,
    'latency max ms': latency.max,
    '2xx': result['2xx'],
    'non-2xx': result.non2xx,
    'errors (incl. timeouts)': result.errors,
    'answers other than the handler’s': result.mismatches,
  };
  console.table(figures);
  const failed = result.non2xx + result.errors + result.timeouts + result.mismatches;
  console.log(failed === 0 ? 'PASS: every request answered 200 by the handler' : `FAIL: ${failed} requests not answered by the handler`);
  process.exitCode = failed === 0 ? 0 : 1;
} finally {
  await server.stop();
  await backend.stop();
}
