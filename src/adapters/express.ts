import type { ServerResponse } from 'node:http';
import type { Gateway } from '../http/gateway.js';
import { send, serveFrameworkRequest, type FrameworkRequest } from './framework-request.js';

/**
 * Express middleware that serves the webhook wherever it is mounted:
 * `server.post('/webhook', app.express())`. A path the app does not serve goes on to `next()`.
 * Mount it before `express.json()`, or keep the raw body
 * (`express.json({ verify: (req, _res, buf) => { req.rawBody = buf } })`) if signatures are checked.
 */
export function expressHandler(gateway: Gateway): (req: FrameworkRequest, res: ServerResponse, next: (error?: unknown) => void) => void {
  return (req, res, next) => {
    serveFrameworkRequest(gateway, req).then((result) => (result === undefined ? next() : send(res, result)), next);
  };
}
