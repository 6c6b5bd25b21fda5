import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Fulfiller } from '../core/fulfiller.js';
import { normalizeHeaders } from '../http/headers.js';
import type { BodyInput } from '../http/json-body.js';
import { readBody } from '../http/read-body.js';
import { sendSoon } from '../http/send-soon.js';
import { serveWebhook } from '../http/serve-webhook.js';

/** A request as Express and the Functions Framework hand it over, maybe with a parsed body. */
export type FrameworkRequest = IncomingMessage & { body?: unknown; rawBody?: Buffer };

/**
 * Answers a framework request as the webhook. The raw bytes are used when they are available
 * (`req.rawBody`, or the unread stream), which is what signature checks need; a body some
 * earlier middleware already parsed is taken as it is.
 */
export async function answerFrameworkRequest(app: Fulfiller, req: FrameworkRequest, res: ServerResponse): Promise<void> {
  const result = await serveWebhook(app, req.method ?? 'GET', normalizeHeaders(req.headers), (limit) => bodyOf(req, limit));
  sendSoon(res, result);
}

async function bodyOf(req: FrameworkRequest, limit: number): Promise<BodyInput> {
  if (Buffer.isBuffer(req.rawBody)) return req.rawBody;
  if (!req.readableEnded) return readBody(req, limit);
  return (req.body ?? '') as BodyInput; // a body parser ran before us
}
