import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CxWebhookRequest, EsWebhookRequest, JsonObject } from '../generated/types.js';
import { CxRequestBuilder } from './cx-request-builder.js';
import { EsRequestBuilder } from './es-request-builder.js';
import type { FixtureTurn } from './fixture.js';

/** A request as the testing tools take it: a builder, or a WebhookRequest object. */
export type RequestInput = CxRequestBuilder | EsRequestBuilder | CxWebhookRequest | EsWebhookRequest;

/** One turn of a fixture to write, its request given as a builder or an object. */
export type TurnInput = Omit<FixtureTurn, 'request'> & { request: RequestInput };

/** The WebhookRequest of a builder or a request object (a copy). */
export function toRequest(input: RequestInput): JsonObject {
  if (input instanceof CxRequestBuilder || input instanceof EsRequestBuilder) return input.build() as JsonObject;
  return structuredClone(input) as JsonObject;
}

/**
 * A fixture document, ready to write: one turn (`{ request, expect }`) or a conversation
 * (`{ turns: [...] }`).
 *
 *   fixtureDocument({ request: cxRequest('order.status').params({ customer_id: '12345' }), expect: { textContains: 'A-1003' } })
 */
export function fixtureDocument(turns: TurnInput | readonly TurnInput[], options: { name?: string; headers?: Record<string, string> } = {}): JsonObject {
  const head: JsonObject = {};
  if (options.name !== undefined) head.name = options.name;
  if (options.headers !== undefined) head.headers = options.headers;
  const toTurn = ({ request, ...rest }: TurnInput): JsonObject => ({ ...(rest as JsonObject), request: toRequest(request) });
  if (!Array.isArray(turns)) {
    const { request, expect, waitMs, retryMs } = turns as TurnInput;
    return { ...head, request: toRequest(request), ...((expect === undefined ? {} : { expect }) as JsonObject), ...defined({ waitMs, retryMs }) };
  }
  return { ...head, turns: turns.map(toTurn) };
}

/** Writes a fixture document as indented JSON, creating its directory. */
export async function writeFixture(file: string, document: JsonObject): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(document, null, 2)}\n`);
}

function defined(values: Record<string, number | undefined>): JsonObject {
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, number] => entry[1] !== undefined));
}
