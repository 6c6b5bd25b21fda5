import { readFile, writeFile } from 'node:fs/promises';
import type { JsonObject } from '../generated/types.js';
import { fillExpectation } from './captures.js';
import { checkExpectation } from './check-expectation.js';
import type { Expectation } from './fixture.js';
import { expectFileOf } from './load-fixtures.js';
import type { FixtureOutcome } from './run-fixture.js';
import type { EndpointFixtureOutcome } from './run-endpoint-fixture.js';
import { updateExpectation } from './update-expectation.js';

/** What `--update` did to one fixture. */
export interface SaveResult {
  /** The file written: the fixture itself, or the `.expect.json` next to a plain request. */
  file: string;
  changed: boolean;
  /** Turns that still fail with the new expectation: the answer breaks the schema, or a turn could not run. */
  stillFailing: boolean;
}

/**
 * Writes the expectations `--update` refreshed from a replay (see updateExpectation): in place
 * for a fixture, next to a plain request for a plain request. Files are only written when they change.
 */
export async function saveUpdates(outcome: FixtureOutcome | EndpointFixtureOutcome): Promise<SaveResult> {
  if ('calls' in outcome.fixture) return saveEndpointUpdates(outcome as EndpointFixtureOutcome);
  const { fixture } = outcome as FixtureOutcome;
  let stillFailing = outcome.skipped > 0;
  const updated = (outcome as FixtureOutcome).turns.map((turn, i) => {
    const previous = fixture.turns[i]!.expect;
    if (turn.reply === undefined || turn.error !== undefined) {
      stillFailing = true;
      return previous;
    }
    // A broken answer or a capture that finds nothing: no expectation can fix those, and a broken answer is no snapshot.
    if (turn.mismatches.some((m) => m.what === 'response' || m.what.startsWith('response schema') || m.what.startsWith('capture.'))) {
      stillFailing = true;
      return previous;
    }
    const next = updateExpectation(previous, turn.reply, turn.mismatches);
    if (checkExpectation(fillExpectation(next, (outcome as FixtureOutcome).captured), turn.reply).length > 0) stillFailing = true;
    return next;
  });
  const file = fixture.kind === 'plain' ? expectFileOf(fixture.file) : fixture.file;
  const document = fixture.kind === 'plain' ? (updated[0] as JsonObject | undefined) : withExpectations(fixture.document, updated);
  if (document === undefined) return { file, changed: false, stillFailing };
  const text = `${JSON.stringify(document, null, 2)}\n`;
  const before = await readFile(file, 'utf8').catch(() => undefined);
  const changed = before === undefined || !sameJson(before, text);
  if (changed) await writeFile(file, text);
  return { file, changed, stillFailing };
}

function withExpectations(document: JsonObject, expectations: (Expectation | undefined)[]): JsonObject {
  const next = structuredClone(document);
  const set = (target: JsonObject, expect: Expectation | undefined): void => {
    if (expect !== undefined) target.expect = expect as JsonObject;
  };
  if (Array.isArray(next.turns)) {
    next.turns.forEach((turn, i) => {
      set(turn as JsonObject, expectations[i]);
    });
  } else set(next, expectations[0]);
  return next;
}

function sameJson(a: string, b: string): boolean {
  try {
    return JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));
  } catch {
    return false;
  }
}

/**
 * `--update` for an endpoint fixture: a failing call's expectation becomes a snapshot of its
 * answer (`{ status, body }`); passing calls keep what was written.
 */
export async function saveEndpointUpdates(outcome: EndpointFixtureOutcome): Promise<SaveResult> {
  const { fixture } = outcome;
  let stillFailing = outcome.skipped > 0;
  const next = structuredClone(fixture.document);
  const entries = Array.isArray(next.turns) ? (next.turns as JsonObject[]) : [next];
  outcome.turns.forEach((turn, i) => {
    if (turn.reply === undefined || turn.error !== undefined) {
      stillFailing = true;
      return;
    }
    if (turn.mismatches.length === 0) return;
    entries[i]!.expect = turn.reply.body === undefined ? { status: turn.reply.status } : { status: turn.reply.status, body: turn.reply.body };
  });
  const text = `${JSON.stringify(next, null, 2)}\n`;
  const before = await readFile(fixture.file, 'utf8').catch(() => undefined);
  const changed = before === undefined || !sameJson(before, text);
  if (changed) await writeFile(fixture.file, text);
  return { file: fixture.file, changed, stillFailing };
}
