import type { Mismatch } from './check-expectation.js';
import type { EndpointFixtureOutcome } from './run-endpoint-fixture.js';
import type { FixtureOutcome } from './run-fixture.js';

const MAX_SHOWN = 20;

/**
 * Why a fixture failed, as indented lines a person can act on: per failing turn, each
 * expectation that does not hold with what was expected and what came back. Empty when it passed.
 */
export function describeOutcome(outcome: FixtureOutcome | EndpointFixtureOutcome): string[] {
  if (outcome.passed) return [];
  const lines: string[] = [];
  for (const turn of outcome.turns) {
    if (turn.error === undefined && turn.mismatches.length === 0) continue;
    lines.push(`  ${turn.label}${turn.attempts > 1 ? `, ${turn.attempts} attempts` : ''}`);
    if (turn.error !== undefined) lines.push(`    ${turn.error}`);
    for (const mismatch of turn.mismatches.slice(0, MAX_SHOWN)) lines.push(...describeMismatch(mismatch, '    '));
    if (turn.mismatches.length > MAX_SHOWN) lines.push(`    … and ${turn.mismatches.length - MAX_SHOWN} more differences`);
  }
  if (outcome.skipped > 0) lines.push(`  ${outcome.skipped} later turn${outcome.skipped === 1 ? '' : 's'} not run`);
  return lines;
}

/** One expectation that does not hold, as three lines: what, expected, actual. */
export function describeMismatch(mismatch: Mismatch, indent = ''): string[] {
  const lines = [
    `${indent}${mismatch.what}${mismatch.note === undefined ? '' : `: ${mismatch.note}`}`,
    `${indent}  expected: ${show(mismatch.expected)}`,
    `${indent}  actual:   ${show(mismatch.actual)}`,
  ];
  const { expected, actual } = mismatch;
  // Long texts that differ in one place: point at it, so nobody has to compare them by eye.
  if (typeof expected === 'string' && typeof actual === 'string' && mismatch.note === undefined && Math.max(expected.length, actual.length) > 40) {
    let at = 0;
    while (at < expected.length && expected[at] === actual[at]) at++;
    lines.push(`${indent}  from character ${at + 1}: ${show(excerpt(expected, at))} ≠ ${show(excerpt(actual, at))}`);
  }
  return lines;
}

function excerpt(text: string, at: number): string {
  const part = text.slice(at, at + 30);
  return at + 30 < text.length ? `${part}…` : part;
}

function show(value: unknown): string {
  return value === undefined ? '(absent)' : JSON.stringify(value);
}
