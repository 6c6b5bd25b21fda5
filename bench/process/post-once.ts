import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'node:http';

/** A finished exchange: status and body text. */
export interface Answer {
  status: number;
  text: string;
}

/** POSTs a body on a fresh connection and reads the whole answer. */
export function postOnce(url: string, body: string, headers: Readonly<Record<string, string>>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * POSTs until the server answers 200 (connection refused while it starts), and returns the
 * moment of that answer (performance.now()). Any other answer, or none before `timeoutMs`, throws.
 */
export async function firstAnswer(url: string, body: string, headers: Readonly<Record<string, string>>, timeoutMs: number): Promise<number> {
  const giveUp = performance.now() + timeoutMs;
  for (;;) {
    try {
      const answer = await postOnce(url, body, headers);
      if (answer.status !== 200) throw new Error(`${url} answered ${answer.status}: ${answer.text.slice(0, 300)}`);
      return performance.now();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ECONNREFUSED') throw error;
      if (performance.now() > giveUp) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
      await sleep(1);
    }
  }
}
