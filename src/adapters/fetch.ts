import { BodyTooLargeError, NotFoundError, RequestIncompleteError } from '../errors.js';
import type { Gateway, HttpRequest } from '../http/gateway.js';
import { normalizeHeaders } from '../http/headers.js';
import { errorResult, type HttpResult } from '../http/http-result.js';
import { errorFields } from '../logging/log-format.js';

/** Options of `fetchHandler()`. */
export interface FetchHandlerOptions {
  /**
   * Where the webhook is. Default `/webhook`, with `/healthz`, `/readyz` and `/metrics` beside
   * it, as on the standalone server; `null` when the handler is mounted at the webhook's URL.
   */
  webhookPath?: string | null;
}

/**
 * A handler for runtimes with the Fetch API (Deno, Bun, Cloudflare Workers, Node's own
 * `Request`): `Request` in, `Response` out.
 *
 *   Deno.serve(fetchHandler(app));
 */
export function fetchHandler(gateway: Gateway, options: FetchHandlerOptions = {}): (request: Request) => Promise<Response> {
  const webhookPath = options.webhookPath === undefined ? '/webhook' : (options.webhookPath ?? undefined);
  return async (incoming) => {
    const url = new URL(incoming.url);
    const request: HttpRequest = {
      method: incoming.method,
      path: url.pathname,
      query: url.search.slice(1),
      headers: normalizeHeaders(incoming.headers),
      webhookPath,
      probes: webhookPath !== undefined,
      body: (limit) => readLimited(incoming, limit),
    };
    let result: HttpResult;
    try {
      result = (await gateway.serve(request)) ?? errorResult(new NotFoundError());
    } catch (error) {
      gateway.logger.error({ err: errorFields(error) }, 'unexpected error in the fetch adapter');
      result = errorResult(error);
    }
    return new Response(incoming.method === 'HEAD' ? null : result.body, { status: result.status, headers: result.headers });
  };
}

/** The body's bytes, refused as soon as they pass `limit`; a body cut off is ERR_REQUEST_INCOMPLETE. */
async function readLimited(request: Request, limit: number): Promise<Uint8Array> {
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read().catch((cause: unknown) => {
      throw new RequestIncompleteError(cause);
    });
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}
