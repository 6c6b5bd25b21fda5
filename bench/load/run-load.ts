import autocannon from 'autocannon';
import { LatencyRecorder } from './latency-recorder.js';

/** One load run against one server. */
export interface LoadRun {
  reqPerSec: number;
  p50Ms: number;
  p975Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Answers that were not 2xx, connection errors and timeouts: any of them spoils the run. */
  failures: number;
  responses: number;
}

export interface LoadOptions {
  url: string;
  body: string;
  headers: Readonly<Record<string, string>>;
  connections: number;
  durationSec: number;
}

/** Runs autocannon (keep-alive connections, one request in flight on each) for a fixed time. */
export function runLoad(options: LoadOptions): Promise<LoadRun> {
  const latencies = new LatencyRecorder();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        method: 'POST',
        connections: options.connections,
        duration: options.durationSec,
        headers: { 'content-type': 'application/json', ...options.headers },
        body: options.body,
      },
      (error, result) => {
        if (error !== null) return reject(error);
        const [p50, p975, p99, max] = latencies.percentiles(50, 97.5, 99, 100);
        resolve({
          reqPerSec: result['2xx'] / result.duration,
          p50Ms: p50!,
          p975Ms: p975!,
          p99Ms: p99!,
          maxMs: max!,
          failures: result.non2xx + result.errors + result.timeouts,
          responses: result['2xx'],
        });
      },
    );
    instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      if (status >= 200 && status < 300) latencies.add(ms);
    });
  });
}
