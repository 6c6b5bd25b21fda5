import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Fulfiller } from '../app/fulfiller.js';
import { describeOutcome } from '../testing/describe-outcome.js';
import type { Fixture } from '../testing/fixture.js';
import { junitReport, type ReportEntry } from '../testing/junit-report.js';
import { loadFixtures, type LoadedFixture } from '../testing/load-fixtures.js';
import { appTarget, urlTarget, type ReplayTarget } from '../testing/replay-target.js';
import { runFixture, type FixtureOutcome } from '../testing/run-fixture.js';
import { saveUpdates } from '../testing/save-updates.js';
import type { AgentModel } from '../agent/agent-model.js';
import { agentCoverage, type SentRequest } from '../agent/coverage.js';
import { coverageJson, formatCoverage } from '../agent/format-coverage.js';
import { readAgent } from '../agent/read-agent.js';
import { selectWebhooks } from '../agent/select-webhooks.js';
import { checkAgainstAgent } from '../testing/agent-checks.js';
import type { EndpointFixture } from '../testing/endpoint-fixture.js';
import type { EndpointFixtureOutcome } from '../testing/run-endpoint-fixture.js';
import { loadApp } from '../app/load-app.js';
import { UnreadableInputError } from '../errors.js';
import { type CliIo, EXIT } from './command.js';
import { parseReplayArgs, type ReplayArgs } from './replay-args.js';

type Env = Readonly<Record<string, string | undefined>>;
type Out = (line: string) => void;

/**
 * `fulfiller replay fixtures --url http://localhost:8080/webhook`: replays every fixture, one
 * progress line each, with a readable diff on failure and a summary. Exit code 0 when all pass,
 * 1 on any failure; a usage mistake, a path that does not exist or nothing to replay throws
 * (exit code 2).
 */
export async function replayCommand(args: readonly string[], io: Pick<CliIo, 'env' | 'out'>): Promise<number> {
  const { env, out } = io;
  const parsed = parseReplayArgs(args, env);
  for (const path of parsed.paths) {
    await stat(path).catch((error: NodeJS.ErrnoException) => {
      throw new UnreadableInputError(path, error.code === 'ENOENT' ? 'no such file or directory' : (error.code ?? 'unreadable'));
    });
  }
  // An export that cannot be read, or an unknown --webhook, throws: exit code 2 with what is wrong.
  const agent: AgentModel | undefined = parsed.agent === undefined ? undefined : await readAgent(parsed.agent);
  if (agent !== undefined) selectWebhooks(agent, parsed.webhooks);
  const sent: SentRequest[] = [];
  const started = performance.now();
  const loaded = await loadFixtures(parsed.paths);
  if (loaded.length === 0) throw new UnreadableInputError(parsed.paths.join(', '), 'no fixtures (.json files) there');
  const targets = connector(parsed, env);
  const entries: ReportEntry[] = [];
  let updated = 0;
  try {
    const width = String(loaded.length).length;
    for (const [i, item] of loaded.entries()) {
      const progress = `[${String(i + 1).padStart(width)}/${loaded.length}]`;
      const { entry, changed } = await replayOne(item, progress, parsed, targets.connect, out, agent, sent);
      entries.push(entry);
      if (changed) updated++;
    }
  } finally {
    await targets.close();
  }
  const failed = entries.filter((e) => e.problem !== undefined).length;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const counts = `${entries.length - failed} passed, ${failed} failed${parsed.update ? `, ${updated} updated` : ''}`;
  out(`${entries.length} fixture${entries.length === 1 ? '' : 's'}: ${counts} (${seconds} s)`);
  if (parsed.junit !== undefined) {
    await mkdir(dirname(parsed.junit), { recursive: true });
    await writeFile(parsed.junit, junitReport(entries));
    out(`JUnit report: ${parsed.junit}`);
  }
  const covered = agent === undefined ? true : await reportCoverage(agent, sent, parsed, out);
  return failed === 0 && covered ? EXIT.ok : EXIT.findings;
}

/** The coverage table and JSON; false when under --min-coverage. */
async function reportCoverage(agent: AgentModel, sent: readonly SentRequest[], args: ReplayArgs, out: Out): Promise<boolean> {
  const report = agentCoverage(agent, sent, { webhooks: args.webhooks });
  if (args.coverage) for (const line of formatCoverage(report)) out(line);
  if (args.coverageOut !== undefined) {
    await mkdir(dirname(args.coverageOut), { recursive: true });
    await writeFile(args.coverageOut, coverageJson(report));
    out(`coverage report: ${args.coverageOut}`);
  }
  if (args.minCoverage === undefined || report.percent >= args.minCoverage) return true;
  out(`coverage ${report.percent.toFixed(1)} % is below --min-coverage ${args.minCoverage} %`);
  return false;
}

async function replayOne(
  item: LoadedFixture,
  progress: string,
  args: ReplayArgs,
  connect: () => Promise<ReplayTarget>,
  out: Out,
  agent: AgentModel | undefined,
  sent: SentRequest[],
): Promise<{ entry: ReportEntry; changed: boolean }> {
  if ('error' in item) {
    const { message } = item.error;
    out(`${progress} FAIL    ${item.file}\n  ${message}`);
    return { entry: { file: item.file, ms: 0, problem: { kind: 'error', message, details: [message] } }, changed: false };
  }
  const { fixture } = item;
  const target = await connect();
  const ran = await runFixture(fixture, target, { keepGoing: args.update });
  const outcome = fixture.kind === 'endpoint' ? ran : withAgent(ran as FixtureOutcome, agent, sent);
  let failing = !outcome.passed;
  let status = failing ? 'FAIL' : 'ok';
  let changed = false;
  if (args.update) {
    const saved = await saveUpdates(outcome);
    ({ changed } = saved);
    // --update rewrites expectations; what the agent says is wrong stays wrong.
    failing = saved.stillFailing || outcome.turns.some((turn) => turn.mismatches.some((m) => m.what.startsWith('agent: ')));
    status = failing ? 'FAIL' : changed ? 'updated' : 'ok';
  }
  const details = failing ? describeOutcome(outcome) : [];
  out(`${progress} ${status.padEnd(7)} ${item.file} ${summary(item.fixture, outcome)}`);
  for (const line of details) out(line);
  return { entry: { file: item.file, ms: outcome.ms, ...(failing ? { problem: problemOf(outcome, details) } : {}) }, changed };
}

/**
 * In-process, every fixture gets a fresh app, as if the server had just started, so that
 * fixtures never depend on each other; over HTTP they share the running server.
 */
function connector(args: ReplayArgs, env: Env): { connect: () => Promise<ReplayTarget>; close: () => Promise<void> } {
  if ('url' in args.target) {
    const target = urlTarget(args.target.url, { auth: args.auth });
    return { connect: async () => target, close: async () => {} };
  }
  const file = args.target.app;
  // The app's logs would drown the report: quiet unless LOG_LEVEL asks for them.
  const appEnv = { ...env, LOG_LEVEL: env.LOG_LEVEL ?? 'silent' };
  const apps = new Set<Fulfiller>(); // a module that exports an app instance gives the same one every time
  return {
    connect: async () => {
      const app = await loadApp(file, { env: appEnv });
      apps.add(app);
      return appTarget(app, args.auth);
    },
    close: async () => void (await Promise.all([...apps].map((app) => app.close({ graceMs: 100 })))),
  };
}

/** Each turn's answer held against the agent (its problems fail the fixture); every request kept for coverage. */
function withAgent(outcome: FixtureOutcome, agent: AgentModel | undefined, sent: SentRequest[]): FixtureOutcome {
  if (agent === undefined) return outcome;
  const turns = outcome.turns.map((turn) => {
    if (turn.request !== undefined) sent.push({ dialect: outcome.fixture.dialect, request: turn.request, label: `${outcome.fixture.file} ${turn.label}` });
    const problems = checkAgainstAgent(agent, turn.request, turn.reply);
    return problems.length === 0 ? turn : { ...turn, mismatches: [...turn.mismatches, ...problems] };
  });
  const passed = outcome.passed && turns.every((turn) => turn.mismatches.length === 0);
  return { ...outcome, turns, passed };
}

function summary(fixture: Fixture | EndpointFixture, outcome: { ms: number }): string {
  if (fixture.kind === 'endpoint') return `(endpoint, ${fixture.calls.length === 1 ? '' : `${fixture.calls.length} calls, `}${outcome.ms} ms)`;
  const turns = fixture.turns.length === 1 ? '' : `${fixture.turns.length} turns, `;
  return `(${fixture.dialect}, ${turns}${outcome.ms} ms)`;
}

function problemOf(outcome: FixtureOutcome | EndpointFixtureOutcome, details: string[]): NonNullable<ReportEntry['problem']> {
  const turn = outcome.turns.find((t) => t.error !== undefined || t.mismatches.length > 0);
  const first = turn?.error ?? turn?.mismatches.map((m) => m.what).join(', ') ?? 'failed';
  return { kind: turn?.error !== undefined ? 'error' : 'failure', message: `${turn?.label ?? 'turn'}: ${first}`, details };
}
