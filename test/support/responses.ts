import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatIssues, validateSchema, type CxWebhookResponse, type EsWebhookResponse, type HttpResult } from '../../src/index.js';
import type { Dialect } from '../../src/base/dialect.js';

/**
 * Every response a test sees goes through here: it must be 200 JSON, valid by our schema, and
 * (when FULFILLER_CAPTURE_DIR is set, as the conformance script does) it is saved so that
 * Google's own parser checks it too.
 */
export function validResponse(dialect: 'cx', result: HttpResult): CxWebhookResponse;
export function validResponse(dialect: 'es', result: HttpResult): EsWebhookResponse;
export function validResponse(dialect: Dialect, result: HttpResult): CxWebhookResponse | EsWebhookResponse {
  if (result.status !== 200) throw new Error(`expected 200, got ${result.status}: ${result.body}`);
  return checkBody(dialect, result.body) as CxWebhookResponse | EsWebhookResponse;
}

/** Validates a response body (text) and captures it for the conformance run. */
export function checkBody(dialect: Dialect, body: string): unknown {
  const parsed: unknown = JSON.parse(body);
  const result = validateSchema(dialect, 'response', parsed);
  if (!result.ok) throw new Error(`invalid ${dialect} response: ${formatIssues(result.issues)}\n${body}`);
  capture(dialect, body);
  return parsed;
}

function capture(dialect: Dialect, body: string): void {
  const dir = process.env.FULFILLER_CAPTURE_DIR;
  if (dir === undefined || dir === '') return;
  const target = join(dir, dialect);
  mkdirSync(target, { recursive: true });
  const name = createHash('sha256').update(body).digest('hex').slice(0, 16);
  writeFileSync(join(target, `${name}.json`), body);
}

/** All the texts a response shows, in order (CX text messages; ES fulfillmentMessages texts). */
export function textsOf(response: CxWebhookResponse | EsWebhookResponse): string[] {
  if ('fulfillmentResponse' in response || !('fulfillmentMessages' in response || 'fulfillmentText' in response)) {
    const cx = response as CxWebhookResponse;
    return (cx.fulfillmentResponse?.messages ?? []).flatMap((m) => m.text?.text ?? []);
  }
  const es = response as EsWebhookResponse;
  return (es.fulfillmentMessages ?? []).flatMap((m) => m.text?.text ?? []);
}
