import type { ChildProcess } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Starts a server on a free loopback port; returns its base URL. */
export function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}

/** Stops a server, closing idle keep-alive connections so the test ends at once. */
export function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** A finished HTTP exchange, body as text. */
export interface Exchange {
  status: number;
  headers: Headers;
  text: string;
}

/** POSTs a body (text or JSON) and reads the whole answer. */
export async function post(url: string, body: string | object, headers: Record<string, string> = { 'content-type': 'application/json' }): Promise<Exchange> {
  const response = await fetch(url, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** The error code of a JSON error answer. */
export function errorCode(exchange: Exchange): string | undefined {
  return (JSON.parse(exchange.text) as { error?: { code?: string } }).error?.code;
}

/** A TCP port that was free a moment ago, for child processes that need one up front. */
export { freePort } from '../../bench/process/free-port.js';

/** Polls until a child's server answers (any status), or fails with what the child printed. */
export async function waitUntilUp(url: string, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}: ${log()}`);
    try {
      await fetch(url, { method: 'OPTIONS' });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`the server did not start: ${log()}`);
}
