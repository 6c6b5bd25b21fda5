import { relative } from 'node:path';
import { describeMismatch } from '../testing/index.js';
import type { RunOutcome } from './run-outcome.js';
import type { FixtureResultView, Json } from './view.js';

/** A replayed fixture as the page lists it: each failing turn with what did not hold, in replay's own words. */
export function resultView(outcome: RunOutcome): FixtureResultView {
  return {
    file: relative(process.cwd(), outcome.file) || outcome.file,
    ...(outcome.name === undefined ? {} : { name: outcome.name }),
    ...(outcome.dialect === undefined ? {} : { dialect: outcome.dialect }),
    passed: outcome.passed,
    ms: outcome.ms,
    ...(outcome.error === undefined ? {} : { error: outcome.error }),
    skipped: outcome.skipped,
    turns: outcome.turns.map((turn) => ({
      label: turn.label,
      ...(turn.error === undefined ? {} : { error: turn.error }),
      mismatches: turn.mismatches.map((m) => ({
        what: m.what,
        expected: m.expected as Json | undefined,
        actual: m.actual as Json | undefined,
        ...(m.note === undefined ? {} : { note: m.note }),
        lines: describeMismatch(m),
      })),
    })),
  };
}
