/** Which patterns `maskText()` masks; each is on unless set to `false`. */
export interface TextMasks {
  phones?: boolean;
  emails?: boolean;
  /** Card numbers (13 to 19 digits that pass the Luhn check). */
  cards?: boolean;
  /** More regular expressions (sources) to mask as `[redacted]`. */
  patterns?: readonly string[];
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const CARD = /(?<![\w-])(?:\d[ -]?){12,18}\d(?![\w-])/g;
const PHONES = [
  // Groups of digits, not part of a longer run of groups (a card or account number that is not one).
  /(?<![\w+-]|\d[ .])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?\d{2,4}|\d{2,4}[ .-]\d{2,4})[ .-]\d{3,4}(?![\w-]|[ .]\d)/g,
  /(?<![\w+])\+\d{8,15}(?!\w)/g,
  /(?<!\w)0\d{9,10}(?!\w)/g,
];
/**
 * What every masked value has: an `@`, or eight characters of digits and separators from one
 * digit to another that does not start inside a word or a dashed id (the shortest phone number
 * the patterns take; ids such as UUIDs rarely qualify).
 */
export const MAYBE = /@|(?<![\w-])[+(]?\d[\d\s().+-]{6,}\d/;
/** Shorter than the shortest address (`a@b.io`): nothing to mask. */
const SHORTEST = 6;
/** How many characters of digits and separators in a row `MAYBE`'s number takes at least. */
const RUN = 8;
const compiled = new Map<string, RegExp>();
const NO_OPTIONS: TextMasks = {};

/**
 * `text` with e-mail addresses, phone numbers and card numbers masked (`[email]`, `[phone]`,
 * `[card]`), and the extra `patterns` as `[redacted]`: the same text when there is none, so
 * that callers can tell nothing changed. Dates, times, amounts, ids and order numbers stay.
 */
export function maskText(text: string, masks: TextMasks = NO_OPTIONS): string {
  const patterns = masks.patterns;
  const maybe = text.length >= SHORTEST && mayMask(text);
  if (!maybe && patterns === undefined) return text;
  let masked = text;
  if (maybe && MAYBE.test(text)) {
    if (masks.cards !== false) masked = masked.replace(CARD, (m) => (luhn(m.replace(/\D/g, '')) ? '[card]' : m));
    if (masks.emails !== false) masked = masked.replace(EMAIL, '[email]');
    if (masks.phones !== false) for (const phone of PHONES) masked = masked.replace(phone, '[phone]');
  }
  for (const source of patterns ?? []) masked = masked.replace(pattern(source), '[redacted]');
  return masked === text ? text : masked;
}

/**
 * A quick first look for `MAYBE`, which the logger asks of every string of every line: false
 * when the text has neither an `@` nor eight characters in a row of digits, white space and
 * `( ) . + -` (what any number `MAYBE` takes is made of). Most text stops here; the regular
 * expression, whose look-behind is tried at every digit, runs only on the rest.
 */
export function mayMask(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x40) return true; // @
    if (isNumberPart(c)) {
      if (++run >= RUN) return true;
    } else {
      run = 0;
    }
  }
  return false;
}

/** A digit, `( ) . + -`, or what `\s` matches. */
function isNumberPart(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || c === 0x28 || c === 0x29 || c === 0x2e || c === 0x2b || c === 0x2d || c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

function pattern(source: string): RegExp {
  let found = compiled.get(source);
  if (found === undefined) {
    found = new RegExp(source, 'gu');
    compiled.set(source, found);
  }
  return found;
}

function luhn(digits: string): boolean {
  if (digits.length < 13 || digits.length > 19) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}
