import { request as httpsRequest } from 'node:https';
import type { Credentials } from './certificates.js';

/** POSTs over HTTPS trusting only `ca`, with a client certificate when given; rejects when TLS fails. */
export function httpsPost(
  url: string,
  body: string,
  options: { ca: string; client?: Credentials; headers?: Record<string, string> },
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...options.headers },
        ca: options.ca,
        ...(options.client === undefined ? {} : { cert: options.client.cert, key: options.client.key }),
        agent: false,
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
