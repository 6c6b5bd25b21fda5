import type { ServerResponse } from 'node:http';
import { NotFoundError } from '../errors.js';
import type { Gateway } from '../http/gateway.js';
import { errorResult } from '../http/http-result.js';
import { errorFields } from '../logging/log-format.js';
import { send, serveFrameworkRequest, type FrameworkOptions, type FrameworkRequest } from './framework-request.js';

/**
 * A Cloud Functions (and Functions Framework) HTTP handler:
 * `export const webhook = app.cloudFunction()`, deployed with `--entry-point webhook`. The
 * endpoints are served at their paths under the function's URL; a path the app does not serve
 * gets 404 `{ error }`.
 */
export function cloudFunctionHandler(gateway: Gateway, options: FrameworkOptions = {}): (req: FrameworkRequest, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    try {
      send(res, (await serveFrameworkRequest(gateway, req, options)) ?? errorResult(new NotFoundError()));
    } catch (error) {
      gateway.logger.error({ err: errorFields(error) }, 'unexpected error in the Cloud Functions adapter');
      send(res, errorResult(error));
    }
  };
}
