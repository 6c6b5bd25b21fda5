import type { ServerResponse } from 'node:http';
import type { Gateway } from '../http/gateway.js';
import { send, serveFrameworkRequest, type FrameworkOptions, type FrameworkRequest } from './framework-request.js';

export type { FrameworkOptions };

/**
 * Express middleware that serves the webhook wherever it is mounted,
 * `server.post('/webhook', app.express())`, and the app's endpoints at their paths under the
 * mount point (`server.use('/api', app.express({ webhookPath: '/dialogflow' }))`). A path the app
 * does not serve goes on to `next()`.
 * Mount it before `express.json()`, or keep the raw body
 * (`express.json({ verify: (req, _res, buf) => { req.rawBody = buf } })`) if signatures are checked.
 */
export function expressHandler(
  gateway: Gateway,
  options: FrameworkOptions = {},
): (req: FrameworkRequest, res: ServerResponse, next: (error?: unknown) => void) => void {
  return (req, res, next) => {
    serveFrameworkRequest(gateway, req, options).then((result) => (result === undefined ? next() : send(res, result)), next);
  };
}
