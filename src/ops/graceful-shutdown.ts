import type { Server } from 'node:http';
import type { Fulfiller } from '../core/fulfiller.js';

/** Cloud Run sends SIGKILL 10 s after SIGTERM; this leaves room to exit cleanly before it. */
export const DEFAULT_GRACE_MS = 8000;

/**
 * Stops a served app gracefully: readiness turns 503 and new webhook calls are refused (503)
 * while the listener stays open for probes; the turns in flight finish, jobs and resources
 * close (`app.close()`); then the server stops. Resolves when all of it is done.
 */
export async function shutdownGracefully(app: Fulfiller, server: Server, graceMs = DEFAULT_GRACE_MS): Promise<void> {
  await app.close({ graceMs });
  await new Promise((resolve) => setImmediate(resolve)); // the last answers go out at the end of a loop turn (sendSoon)
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections(); // every turn has been answered: what is left is idle keep-alive
  });
}
