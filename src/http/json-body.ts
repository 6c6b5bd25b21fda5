import { BodyNotObjectError, MalformedJsonError } from '../errors.js';

/** A request body as an adapter has it: raw text or bytes, or JSON that a framework already parsed. */
export type BodyInput = string | Uint8Array | object;

/** Parses the body into a JSON object, refusing anything that is not one. */
export function parseJsonObject(body: BodyInput): Record<string, unknown> {
  let value: unknown = body;
  if (typeof body === 'string' || body instanceof Uint8Array) {
    try {
      value = JSON.parse(bodyText(body));
    } catch (cause) {
      throw new MalformedJsonError({ cause });
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new BodyNotObjectError(describe(value));
  return value as Record<string, unknown>;
}

/** Raw body bytes (or text) as text: a Buffer decoded as it is, any other bytes through a Buffer view. */
export function bodyText(body: string | Uint8Array): string {
  if (typeof body === 'string') return body;
  return (Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength)).toString('utf8');
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
