/**
 * The agent tools on the real exports of ../shared/agents, through the command line: lint with
 * an app that handles what each agent sends (exit 0) and one that handles half (exit 1), and
 * types that compile.
 *
 *   npx tsx scripts/conformance/agents.ts
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { runCommandLine } from '../../src/cli/run-cli.js';
import { repoRoot, sharedDir } from './shared-dir.js';

const CASES = [
  { agent: 'agents/cx/goodbye-graffiti.zip', full: 'goodbye-graffiti.ts', half: 'goodbye-graffiti-half.ts' },
  { agent: 'agents/es/banking/agent-export.zip', full: 'banking.ts', half: 'banking-half.ts' },
];

async function main(): Promise<number> {
  if (!existsSync(path.join(sharedDir, CASES[0]!.agent))) {
    console.log(`skipped: the real exports are not in ${path.join(sharedDir, 'agents')}`);
    return 0;
  }
  const work = mkdtempSync(path.join(repoRoot, 'test/types/.snippets-conformance-'));
  let failures = 0;
  try {
    const typeFiles: string[] = [];
    for (const { agent, full, half } of CASES) {
      const exportPath = path.join(sharedDir, agent);
      for (const [app, expected] of [
        [full, 0],
        [half, 1],
      ] as const) {
        const lines: string[] = [];
        const print = (line: string) => lines.push(line);
        const code = await runCommandLine(['lint', '--agent', exportPath, '--app', path.join(repoRoot, 'test/agent/real-apps', app)], {
          env: {},
          out: print,
          err: print,
        });
        const ok = code === expected;
        if (!ok) failures++;
        console.log(`${ok ? 'ok  ' : 'FAIL'} lint ${agent} with ${app}: exit ${code} (expected ${expected})`);
        if (!ok || process.argv.includes('--verbose')) console.log(lines.join('\n'));
      }
      const out = path.join(work, `${path.basename(agent, '.zip')}.ts`);
      const code = await runCommandLine(['types', '--agent', exportPath, '--out', out, '--from', path.join(repoRoot, 'src/index.js')], {
        env: {},
        out: () => {},
        err: (line) => console.log(line),
      });
      if (code !== 0) failures++;
      typeFiles.push(out);
    }
    const config = ts.getParsedCommandLineOfConfigFile(path.join(repoRoot, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    const problems = ts
      .getPreEmitDiagnostics(ts.createProgram(typeFiles, { ...config!.options, noEmit: true }))
      .filter((d) => d.file !== undefined && typeFiles.includes(d.file.fileName));
    for (const problem of problems) console.log(`FAIL ${problem.file!.fileName}: ${ts.flattenDiagnosticMessageText(problem.messageText, ' ')}`);
    console.log(`${problems.length === 0 ? 'ok  ' : 'FAIL'} the generated types of both exports compile`);
    failures += problems.length;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return failures === 0 ? 0 : 1;
}

process.exitCode = await main();
