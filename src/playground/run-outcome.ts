import { loadFixtures, parseFixture, runFixture, type LoadedFixture, type Mismatch, type Reply, type ReplayTarget } from '../testing/index.js';
import { FulfillerError } from '../index.js';
import type { JsonMap } from './view.js';

/** A fixture to run: a file, or a document not yet saved. */
export type FixtureSource = { file: string } | { file: string; document: JsonMap };

/** A fixture replayed, as plain data that crosses a process boundary: every turn with its reply. */
export interface RunOutcome {
  file: string;
  name?: string;
  dialect?: 'cx' | 'es';
  /** Why the file could not be used at all. */
  error?: string;
  passed: boolean;
  ms: number;
  skipped: number;
  turns: { label: string; error?: string; mismatches: Mismatch[]; reply?: Reply }[];
}

/** Where one fixture is replayed, and what to do once it is. */
export interface Connection {
  target: ReplayTarget;
  close(): Promise<void>;
}

/**
 * Replays fixtures as `fulfiller replay` does, one after the other, each on the connection
 * `connect` gives (a fresh app for an app module; the same webhook for a URL). `keepGoing`
 * runs every turn even after one fails (to check a fixture being saved, turn by turn).
 */
export async function runSources(
  sources: readonly FixtureSource[],
  connect: () => Promise<Connection>,
  options: { keepGoing?: boolean } = {},
): Promise<RunOutcome[]> {
  const outcomes: RunOutcome[] = [];
  for (const source of sources) {
    const loaded: LoadedFixture[] = 'document' in source ? [parsed(source.file, source.document)] : await loadFixtures([source.file]);
    for (const item of loaded) outcomes.push(await runOne(item, connect, options.keepGoing ?? false));
  }
  return outcomes;
}

function parsed(file: string, document: unknown): LoadedFixture {
  try {
    return { file, fixture: parseFixture(document, file) };
  } catch (error) {
    if (error instanceof FulfillerError) return { file, error };
    throw error;
  }
}

async function runOne(item: LoadedFixture, connect: () => Promise<Connection>, keepGoing: boolean): Promise<RunOutcome> {
  if ('error' in item) return { file: item.file, error: item.error.message, passed: false, ms: 0, skipped: 0, turns: [] };
  const connection = await connect();
  try {
    const outcome = await runFixture(item.fixture, connection.target, { keepGoing });
    const { fixture } = item;
    return {
      file: item.file,
      ...(fixture.name === undefined ? {} : { name: fixture.name }),
      // An endpoint fixture (JSON calls, no dialect) runs too; the page shows its turns without a chat.
      ...(fixture.kind === 'endpoint' ? {} : { dialect: fixture.dialect }),
      passed: outcome.passed,
      ms: outcome.ms,
      skipped: outcome.skipped,
      turns: outcome.turns.map((turn) => ({
        label: turn.label,
        ...(turn.error === undefined ? {} : { error: turn.error }),
        mismatches: turn.mismatches,
        ...(turn.reply === undefined || !('texts' in turn.reply) ? {} : { reply: turn.reply }),
      })),
    };
  } finally {
    await connection.close();
  }
}
