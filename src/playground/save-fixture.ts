import { access } from 'node:fs/promises';
import { relative } from 'node:path';
import { FixtureExistsError, InvalidFixtureError, type RedactOptions } from '../index.js';
import { DEFAULT_SESSION_CONTEXT, redactJson, toReply, writeFixture } from '../testing/index.js';
import { expectationOf } from './expectation-of.js';
import { findMasks, maskingFor } from './find-masks.js';
import { fixtureFile } from './fixture-file.js';
import type { PlayTarget } from './play-target.js';
import { resultView } from './result-view.js';
import type { RunOutcome } from './run-outcome.js';
import type { JsonMap, SaveRequest, SaveResult } from './view.js';

interface SavedTurn {
  name: string;
  request: JsonMap;
  expect: JsonMap;
  /** Values of this turn's request that are saved masked. */
  masked: string[];
  answerMasked: boolean;
}

/**
 * "Save as fixture": the conversation so far as a fixture `fulfiller replay` runs, into the
 * fixtures folder. Requests and expectations are masked with one map, so a value is masked the
 * same way in both, and the document carries the masking so that a replay masks the live
 * answer alike. Then the file is replayed before it is written: where masking changed what a
 * turn asks (a name the app looks up), that turn expects what the app answers to the masked
 * request, and a note says which value to keep unmasked to keep the answer that was shown.
 */
export async function saveFixture(request: SaveRequest, target: PlayTarget, fixturesDir: string): Promise<SaveResult> {
  const file = await fixtureFile(fixturesDir, request.name);
  const shown = relative(process.cwd(), file);
  if (request.replace !== true && (await exists(file))) throw new FixtureExistsError(shown);
  const { dialect, turns } = request;
  const sessionContext = target.sessionContext ?? DEFAULT_SESSION_CONTEXT;
  const { options, personal } = maskingFor(dialect, turns, request.keep);
  const masks = findMasks(dialect, turns).filter((m) => !request.keep.includes(m.value));
  const saved = turns.map((turn, i): SavedTurn => {
    const own = redactJson(turn.own, options, personal);
    const answer = expectationOf(toReply(dialect, turn.sent, { status: turn.status, headers: {}, body: JSON.stringify(turn.response) }, sessionContext));
    const expect = redactJson(answer, options, personal);
    const text = JSON.stringify(turn.own);
    return {
      name: turnName(own, i),
      request: own,
      expect,
      masked: masks.filter((m) => text.includes(JSON.stringify(m.value).slice(1, -1))).map((m) => m.value),
      answerMasked: JSON.stringify(expect) !== JSON.stringify(answer),
    };
  });
  const notes: string[] = [];
  let document = documentOf(saved, options);
  const [checked] = await target.run([{ file, document }], true);
  if (checked!.error !== undefined) throw new InvalidFixtureError(shown, '', checked!.error.replace(`${file}: `, ''));
  if (!checked!.passed) {
    refresh(saved, checked!, notes);
    document = documentOf(saved, options);
  }
  await writeFixture(file, document);
  const [final] = checked!.passed ? [checked!] : await target.run([{ file }], false);
  if (!final!.passed)
    notes.push('The app answers differently each time it is asked: edit the expectations that change (dates, counters) into textContains or textMatches.');
  return { file: shown, result: resultView({ ...final!, file }), notes };
}

/** Turns whose replay did not meet what was shown now expect what the replay got, and say why. */
function refresh(saved: SavedTurn[], outcome: RunOutcome, notes: string[]): void {
  outcome.turns.forEach((turn, i) => {
    const entry = saved[i];
    if (entry === undefined || turn.reply === undefined || (turn.mismatches.length === 0 && turn.error === undefined)) return;
    entry.expect = expectationOf(turn.reply);
    const said = turn.reply.texts[0] === undefined ? '' : ` ("${turn.reply.texts[0]}")`;
    if (entry.masked.length > 0) {
      const values = entry.masked.map((v) => `"${v}"`).join(', ');
      notes.push(
        `Turn ${i + 1} is saved with ${values} masked, so it expects what the app answers to the masked request${said}. Keep ${values} unmasked to keep the answer you saw.`,
      );
    } else {
      notes.push(
        `Turn ${i + 1}: a freshly started app answers differently from what you saw (${turn.mismatches[0]?.what ?? 'the answer'}), so it expects that answer${said}.`,
      );
    }
  });
}

function documentOf(turns: readonly SavedTurn[], options: RedactOptions): JsonMap {
  const document: JsonMap = { name: `${turns.map((t) => t.name).join(' → ')} (saved in the playground)` };
  if (turns.some((t) => t.answerMasked)) document.redact = options as JsonMap;
  if (turns.length === 1) return { ...document, request: turns[0]!.request, expect: turns[0]!.expect };
  return { ...document, turns: turns.map((t) => ({ name: t.name, request: t.request, expect: t.expect })) };
}

/** `order.status: "where is my order"`: the route, and what the user said. */
function turnName(o: JsonMap, index: number): string {
  const cx = typeof o.fulfillmentInfo === 'object' && o.fulfillmentInfo !== null ? (o.fulfillmentInfo as JsonMap).tag : undefined;
  const result = (typeof o.queryResult === 'object' && o.queryResult !== null ? o.queryResult : {}) as JsonMap;
  const route = String(cx ?? result.action ?? (result.intent as JsonMap | undefined)?.displayName ?? o.triggerEvent ?? `turn ${index + 1}`);
  const said = o.text ?? result.queryText;
  return typeof said === 'string' && said !== '' ? `${route}: "${said}"` : route;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
