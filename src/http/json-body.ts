import { BodyNotObjectError, MalformedJsonError } from '../errors.js';

/** A request body as an adapter has it: raw text or bytes, or JSON that a framework already parsed. */
export type BodyInput = string | Uint8Array | object;

/** Parses the body into a JSON object, refusing anything that is not one. */
export function parseJsonObject(body: BodyInput): Record<string, unknown> {
  let value: unknown = body;
  if (typeof body === 'string' || body instanceof Uint8Array) {
    const text = typeof body === 'string' ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
    try {
      value = JSON.parse(text);
    } catch (cause) {
      throw new MalformedJsonError({ cause });
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new BodyNotObjectError(describe(value));
  return value as Record<string, unknown>;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
