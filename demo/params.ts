import type { JsonValue } from 'dialogflow-fulfiller';

/**
 * Reading the demo's parameters in the shapes Dialogflow actually sends them: system entities
 * give objects (@sys.person, @sys.date-period), list parameters give arrays, and CX and ES
 * spell dates differently. `turn.params.string()` already covers plain text and numbers.
 */

/** A name from text or from @sys.person (`{ "name": "Tanaka" }`); the first one of a list. */
export function personName(value: JsonValue | undefined): string | undefined {
  if (Array.isArray(value)) return personName(value[0]);
  if (typeof value === 'string') return nonEmpty(value.replace(/^(mr|mrs|ms|dr)\.?\s+/i, '').replace(/\s*(さん|様)$/, ''));
  if (isObject(value)) return personName(value.name ?? value.original);
  return undefined;
}

/** A list of item names or SKUs: a list parameter, or one item as a single string. */
export function textList(value: JsonValue | undefined): string[] {
  const values = Array.isArray(value) ? value : [value];
  const texts = values.flatMap((v) => (typeof v === 'string' || typeof v === 'number' ? [String(v).trim()] : []));
  return [...new Set(texts.filter((t) => t !== ''))];
}

/**
 * The month (`YYYY-MM`) of `2026-10`, `2026-10-01`, `2026-10-01T00:00:00+09:00` (the date as
 * written: converting to UTC would move October 1st in Tokyo into September), a date-period
 * `{ startDate, endDate }` (ES: ISO strings; CX: `{ year, month, day }`) or a CX date object.
 * Undefined when the value is not a month.
 */
export function monthOf(value: JsonValue | undefined): string | undefined {
  if (Array.isArray(value)) return monthOf(value[0]);
  if (typeof value === 'string') {
    const match = /^(\d{4})-(\d{2})(?:$|-\d{2})/.exec(value.trim());
    return match !== null ? month(Number(match[1]), Number(match[2])) : undefined;
  }
  if (isObject(value)) {
    if (typeof value.year === 'number' && typeof value.month === 'number') return month(value.year, value.month);
    return monthOf(value.startDate ?? value.startDateTime);
  }
  return undefined;
}

function month(year: number, monthNumber: number): string | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(monthNumber) || monthNumber < 1 || monthNumber > 12) return undefined;
  return `${String(year).padStart(4, '0')}-${String(monthNumber).padStart(2, '0')}`;
}

function isObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmpty(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Not given: absent, or the empty string / empty list Dialogflow sends for an unfilled parameter. */
export function isBlank(value: JsonValue | undefined): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}
