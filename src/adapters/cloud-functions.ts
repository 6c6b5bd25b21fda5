import type { ServerResponse } from 'node:http';
import type { Fulfiller } from '../core/fulfiller.js';
import { answerFrameworkRequest, type FrameworkRequest } from './framework-request.js';

/**
 * A Cloud Functions (and Functions Framework) HTTP handler:
 * `export const webhook = app.cloudFunction()`, deployed with `--entry-point webhook`.
 */
export function cloudFunctionHandler(app: Fulfiller): (req: FrameworkRequest, res: ServerResponse) => Promise<void> {
  return (req, res) => answerFrameworkRequest(app, req, res);
}
