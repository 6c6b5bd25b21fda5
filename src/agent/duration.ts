import type { JsonValue } from '../generated/types.js';
import { isJsonObject } from '../base/json-object.js';

/**
 * Milliseconds of a duration as exports write it: `{ "seconds": 5, "nanos": 0 }` (seconds may be
 * a string, as proto3 JSON writes int64) or `"4.5s"`. Undefined when absent or unreadable.
 */
export function durationMs(value: JsonValue | undefined): number | undefined {
  if (typeof value === 'string') {
    const match = /^(\d+(?:\.\d+)?)s$/.exec(value.trim());
    return match === null ? undefined : Math.round(Number(match[1]) * 1000);
  }
  if (!isJsonObject(value)) return undefined;
  const seconds = Number(value.seconds ?? 0);
  const nanos = Number(value.nanos ?? 0);
  if (!Number.isFinite(seconds) || !Number.isFinite(nanos)) return undefined;
  return Math.round(seconds * 1000 + nanos / 1e6);
}
