import { jsonMembers, numberText, redact, redactedMembers } from '../../src/logging/log-format.js';
import { MAYBE, mayMask } from '../../src/privacy/mask-text.js';

/**
 * The logger's short ways must write exactly what the long ways write: the members of a line
 * with flat fields, numbers, and the quick look before the masking patterns. Checked on many
 * generated inputs (a fixed seed: a failure repeats), made of the characters that matter.
 */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = generator(20261206);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const KEYS = ['requestId', 'endpoint', 'outcome', 'status', 'ms', 'email', 'contact_name', 'text', 'route', 'phoneNumber', 'count', 'x', 'headers'];
const PIECES = [
  'a',
  'Z',
  ' ',
  '-',
  '.',
  '(',
  ')',
  '+',
  '@',
  '"',
  '\\',
  '\n',
  '\u0001',
  '\u00a0',
  '\u3000',
  'é',
  '日',
  '\ud83d\ude00',
  '\ud800',
  '0',
  '7',
  '12',
  '555',
  'x.io',
  'k3j9x2ab-1f',
];
const text = (): string => Array.from({ length: Math.floor(random() * 24) }, () => pick(PIECES)).join('');
const NUMBERS = [0, -0, 1, -1, 200, 0.5, 1e21, 1e-7, Number.NaN, Number.POSITIVE_INFINITY, -Number.POSITIVE_INFINITY, 2 ** 53];

function number(): number {
  switch (Math.floor(random() * 4)) {
    case 0:
      return Math.round(random() * 10 ** Math.floor(random() * 10)) / 100; // a duration in ms
    case 1:
      return (random() - 0.5) * 10 ** Math.floor(random() * 12);
    case 2:
      return pick(NUMBERS);
    default:
      return Math.floor(random() * 1000);
  }
}

function value(depth = 0): unknown {
  switch (Math.floor(random() * 7)) {
    case 0:
    case 1:
      return text();
    case 2:
      return number();
    case 3:
      return pick([true, false, null, undefined]);
    case 4:
      return random() < 0.8 ? pick(['handled', 'POST /customers/validate', 'refused']) : text();
    case 5:
      return depth < 3 ? object(depth + 1) : text();
    default:
      return pick([[text(), 1], new Date(0), new Error(text()), new (class Thing {})(), 10n, Symbol('s'), () => 1]);
  }
}

/** A plain object (sometimes without a prototype), like `route: { kind, key }` or deeper. */
function object(depth: number): Record<string, unknown> {
  const made: Record<string, unknown> = random() < 0.2 ? (Object.create(null) as Record<string, unknown>) : {};
  for (let n = Math.floor(random() * 4); n > 0; n--) made[pick([...KEYS, 'kind', 'key', 'authorization', 'x-api-key'])] = value(depth);
  return made;
}

describe("the logger's short ways", () => {
  it('writes the members of a line as jsonMembers(redact()) does', () => {
    const differ: string[] = [];
    for (let i = 0; i < 20000; i++) {
      const fields: Record<string, unknown> = {};
      for (let n = Math.floor(random() * 6); n > 0; n--) fields[pick(KEYS)] = value();
      const long = jsonMembers(redact(fields));
      if (redactedMembers(fields) !== long) differ.push(long);
    }
    expect(differ).toEqual([]);
  });

  it('writes a number as JSON does', () => {
    const differ: number[] = [];
    for (let i = 0; i < 200000; i++) {
      const n = number();
      if (numberText(n) !== JSON.stringify(n)) differ.push(n);
    }
    expect(differ).toEqual([]);
    for (const n of [0.07, 0.29, 1.005, 2.675, 9999999.99, 10000000.01, 0.01, 0.1, 5e-7]) expect(numberText(n)).toBe(JSON.stringify(n));
  });

  it('never passes over a text the masking patterns would look into', () => {
    const missed: string[] = [];
    let maskable = 0;
    for (let i = 0; i < 50000; i++) {
      const t = text();
      if (!MAYBE.test(t)) continue;
      maskable++;
      if (!mayMask(t)) missed.push(t);
    }
    expect(missed).toEqual([]);
    expect(maskable).toBeGreaterThan(500); // the generated texts do reach the patterns
    for (const t of ['call 090-1234-5678', '+81 90 1234 5678', 'a@b.io', '(03) 1234\u00a05678', '4111 1111 1111 1111']) expect(mayMask(t)).toBe(true);
    for (const t of ['k3j9x2ab-1f', 'POST /customers/validate', 'order A-1003 shipped']) expect(mayMask(t)).toBe(false);
  });

  it('gives the same text for a repeated value, masked or not', () => {
    const first = redactedMembers({ note: 'mail me at hanako@example.com' });
    expect(first).toBe(',"note":"mail me at [email]"');
    expect(redactedMembers({ note: 'mail me at hanako@example.com' })).toBe(first);
    expect(redactedMembers({ note: 'plain' })).toBe(',"note":"plain"');
    expect(redactedMembers({ note: 'plain' })).toBe(',"note":"plain"');
  });
});
