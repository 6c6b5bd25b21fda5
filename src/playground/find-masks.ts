import { personalValues, redactJson, type RedactOptions } from '../testing/index.js';
import type { DialectName, Json, MaskView, PastTurn } from './view.js';

type PatternKind = 'phones' | 'emails' | 'cards';
const PATTERNS: readonly (readonly [PatternKind, string])[] = [
  ['cards', '[card]'],
  ['emails', '[email]'],
  ['phones', '[phone]'],
];

/**
 * What saving these turns would mask, as the recorder masks it: the values of name-like
 * parameters (each on its own) and the phone numbers, emails and card numbers in requests and
 * answers (kept or masked as a kind, because a replay masks the live answer by kind).
 */
export function findMasks(dialect: DialectName, turns: readonly PastTurn[]): MaskView[] {
  const found = new Map<string, MaskView>();
  const add = (view: MaskView): void => void (found.has(view.value) || found.set(view.value, view));
  turns.forEach((turn, i) => {
    const where = `turn ${i + 1}`;
    for (const [value, mask] of personalValues(dialect, turn.sent)) add({ value, mask, kind: mask === '[name]' ? 'names' : 'params', where });
    for (const text of strings([turn.own, turn.response])) {
      for (const [kind, mask] of PATTERNS) for (const value of matches(text, kind, mask)) add({ value, mask, kind, where });
    }
  });
  return [...found.values()];
}

/** The redaction that keeps what the designer chose to keep: name values one by one, the others by kind. */
export function maskingFor(
  dialect: DialectName,
  turns: readonly PastTurn[],
  keep: readonly string[],
): { options: RedactOptions; personal: Map<string, string> } {
  const kept = new Set(keep);
  const masks = findMasks(dialect, turns);
  const options: RedactOptions = {};
  for (const [kind] of PATTERNS) if (masks.some((m) => m.kind === kind && kept.has(m.value))) options[kind] = false;
  const personal = new Map(masks.filter((m) => (m.kind === 'names' || m.kind === 'params') && !kept.has(m.value)).map((m) => [m.value, m.mask]));
  return { options, personal };
}

/** The parts of `text` that one kind of pattern masks. */
function matches(text: string, kind: PatternKind, mask: string): string[] {
  const only: RedactOptions = { names: false, phones: false, emails: false, cards: false, [kind]: true };
  const masked = redactJson(text, only);
  if (masked === text || text.includes(mask)) return [];
  const around = masked.split(mask).map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const found = new RegExp(`^${around.join('(.+?)')}$`, 's').exec(text);
  return found === null ? [] : found.slice(1);
}

function strings(value: Json | undefined): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}
