/** What an `x-request-id` header may carry to be used as the request id. */
const REQUEST_ID = /^[\w.:@-]{1,128}$/;

const INSTANCE = Math.random().toString(36).slice(2, 10).padEnd(8, '0');
let counter = 0;

/**
 * The id of a call: its `x-request-id` header when it is a plain token, else a new id made of
 * this process's random prefix and a counter in base 36, `k3j9x2ab-1f`. A new id is unique
 * within the process, and across processes as far as 8 random base-36 characters go: it
 * correlates log lines and is not a secret (a UUID would load node:crypto at every start).
 */
export function requestIdFrom(header: string | undefined): string {
  if (header !== undefined && REQUEST_ID.test(header)) return header;
  counter += 1;
  return `${INSTANCE}-${counter.toString(36)}`;
}
