import type { Server } from 'node:http';
import type { Gateway } from '../http/gateway.js';

/** Cloud Run sends SIGKILL 10 s after SIGTERM; this leaves room to exit cleanly before it. */
export const DEFAULT_GRACE_MS = 8000;

/**
 * Stops a served app gracefully: readiness turns 503 and new webhook calls are refused (503)
 * while the listener stays open for probes; the calls in flight (a body still arriving
 * included) finish, jobs and resources close (`app.close()`); then the server stops. Resolves
 * when all of it is done.
 */
export async function shutdownGracefully(gateway: Gateway, server: Server, graceMs = DEFAULT_GRACE_MS): Promise<void> {
  await gateway.close({ graceMs });
  await stopServer(server);
}

/** Closes a server whose calls have all been answered: what is left is idle keep-alive. */
export async function stopServer(server: Server): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve)); // the last answers go out at the end of a loop turn (sendSoon)
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
