import type { ServerResponse } from 'node:http';
import type { Fulfiller } from '../core/fulfiller.js';
import { answerFrameworkRequest, type FrameworkRequest } from './framework-request.js';

/**
 * Express middleware that serves the webhook wherever it is mounted:
 * `server.post('/webhook', app.express())`. Mount it before `express.json()`, or keep the raw
 * body (`express.json({ verify: (req, _res, buf) => { req.rawBody = buf } })`) if signatures are checked.
 */
export function expressHandler(app: Fulfiller): (req: FrameworkRequest, res: ServerResponse, next: (error?: unknown) => void) => void {
  return (req, res, next) => {
    answerFrameworkRequest(app, req, res).catch(next);
  };
}
