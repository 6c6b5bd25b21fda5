import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { readAgent } from '../agent/read-agent.js';
import { UsageError } from '../errors.js';
import { agentTypes } from '../types/agent-types.js';
import { type CliIo, EXIT } from './command.js';
import { parseCommandLine } from './parse-command-line.js';

/**
 * `fulfiller types`: writes (or, with --check, compares) the agent's TypeScript. Exit 0 written
 * or up to date, 1 stale with --check; a usage mistake or an export that cannot be read throws
 * (exit code 2, run-cli.ts).
 */
export async function typesCommand(args: readonly string[], io: Pick<CliIo, 'out'>): Promise<number> {
  const { values } = parseCommandLine(args, {
    agent: { type: 'string' },
    out: { type: 'string' },
    check: { type: 'boolean', default: false },
    name: { type: 'string' },
    from: { type: 'string' },
  });
  if (values.agent === undefined || values.out === undefined) throw new UsageError('--agent PATH and --out FILE are required');
  if (values.name !== undefined && !/^[A-Z][A-Za-z0-9_]*$/.test(values.name)) {
    throw new UsageError(`--name ${values.name}: a type name is letters and digits, starting with a capital`);
  }
  const text = agentTypes(await readAgent(values.agent), { ...(values.name ? { name: values.name } : {}), ...(values.from ? { from: values.from } : {}) });
  if (values.check) {
    const current = await readFile(values.out, 'utf8').catch(() => undefined);
    if (current === text) {
      io.out(`${values.out} is up to date with ${values.agent}`);
      return EXIT.ok;
    }
    const flags = `--agent ${values.agent} --out ${values.out}${values.name ? ` --name ${values.name}` : ''}${values.from ? ` --from ${values.from}` : ''}`;
    io.out(`${values.out} is ${current === undefined ? 'missing' : 'stale'}: the agent changed. Run fulfiller types ${flags}`);
    return EXIT.findings;
  }
  await mkdir(dirname(values.out), { recursive: true });
  await writeFile(values.out, text);
  io.out(`wrote ${values.out}`);
  return EXIT.ok;
}
