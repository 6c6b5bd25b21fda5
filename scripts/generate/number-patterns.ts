/**
 * Regular expressions (as JSON Schema `pattern` strings) for the string spellings that
 * Google's proto3 JSON parser accepts for numbers and bytes, as checked with the pbjson
 * oracle (../shared/tools/pbjson). Its Python-only leniencies (tabs around digits, `_` digit
 * separators, non-ASCII digits, junk inside base64) are deliberately left out.
 */

/** Largest finite float32; Google's parser rejects JSON numbers beyond it for `float` fields. */
export const FLOAT32_MAX = 3.4028234663852886e38;

export const INT32_MIN = -(2 ** 31);
export const INT32_MAX = 2 ** 31 - 1;

/**
 * A decimal integer string within [min, max]: optional sign (`+` only for non-negatives),
 * leading zeros allowed, no spaces, no fraction or exponent (the parser rejects "2.0", "1e2").
 */
export function integerStringPattern(min: number, max: number): string {
  if (min > 0 || max < 0) throw new Error(`integerStringPattern needs min <= 0 <= max, got [${min}, ${max}]`);
  const positive = `\\+?0*(?:${upToPattern(BigInt(max))})`;
  const negative = min < 0 ? `|-0*(?:${upToPattern(BigInt(-min))})` : '';
  return `^(?:${positive}${negative})$`;
}

/** Decimal numbers without leading zeros in [0, max]: shorter numbers, then equal length digit by digit. */
function upToPattern(max: bigint): string {
  const digits = max.toString();
  const width = digits.length;
  if (width === 1) return digitRange(0, Number(digits));
  const alternatives = ['[0-9]'];
  if (width > 2) alternatives.push(`[1-9][0-9]{1,${width - 2}}`);
  for (let i = 0; i < width; i++) {
    const digit = Number(digits[i]);
    const lowest = i === 0 ? 1 : 0;
    if (digit > lowest) {
      const rest = width - i - 1;
      alternatives.push(`${digits.slice(0, i)}${digitRange(lowest, digit - 1)}${anyDigits(rest)}`);
    }
  }
  alternatives.push(digits);
  return alternatives.join('|');
}

function anyDigits(count: number): string {
  if (count === 0) return '';
  return count === 1 ? '[0-9]' : `[0-9]{${count}}`;
}

function digitRange(from: number, to: number): string {
  return from === to ? String(from) : `[${from}-${to}]`;
}

/**
 * A float or double given as a string: plain decimal or exponent notation, or exactly
 * "NaN", "Infinity", "-Infinity" (the spellings the spec defines). Strings are not
 * range-checked: the parser turns "1e40" into Infinity for a float field instead of failing.
 */
export const FLOAT_STRING_PATTERN = '^(?:[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?|NaN|-?Infinity)$';

/** Base64 in the standard or URL-safe alphabet; padding optional but, when present, correct. */
export const BASE64_PATTERN = '^(?:[A-Za-z0-9+/_-]{4})*(?:[A-Za-z0-9+/_-]{2}(?:==)?|[A-Za-z0-9+/_-]{3}=?)?$';

/**
 * Matches a lone UTF-16 surrogate. JSON Schema patterns work on code points (ajv compiles
 * them with the `u` flag), so a well-formed surrogate pair never matches. The parser rejects
 * such strings ("Unpaired surrogate"); they typically come from cutting text inside an emoji.
 */
export const LONE_SURROGATE_PATTERN = '[\\uD800-\\uDFFF]';
