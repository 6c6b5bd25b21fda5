/** Request headers as the library sees them: lower-case names, one string each (normalizeHeaders makes them). */
export type Headers = Readonly<Record<string, string | undefined>>;

/** Headers as adapters get them: node's IncomingHttpHeaders, a fetch Headers, or a plain object. */
export type HeadersInput =
  | Readonly<Record<string, string | readonly string[] | undefined>>
  | { forEach(callback: (value: string, name: string) => void): void };

/**
 * Lower-case names, one string per header (repeated values joined with ", "). The result has no
 * prototype, which also marks it as done: an adapter's normalised headers pass through as they are.
 */
export function normalizeHeaders(input: HeadersInput | undefined): Headers {
  if (input !== undefined && input !== null && Object.getPrototypeOf(input) === null) return input as Headers;
  const headers: Record<string, string> = Object.create(null) as Record<string, string>;
  if (input === undefined || input === null) return headers;
  if (typeof input.forEach === 'function' && !Array.isArray(input)) {
    (input as { forEach(callback: (value: string, name: string) => void): void }).forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    return headers;
  }
  const record = input as Readonly<Record<string, string | readonly string[] | undefined>>;
  for (const name in record) {
    if (!Object.hasOwn(record, name)) continue;
    const value = record[name];
    if (value === undefined) continue;
    headers[name.toLowerCase()] = typeof value === 'string' ? value : value.join(', ');
  }
  return headers;
}
