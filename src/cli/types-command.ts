import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { readAgent } from '../agent/read-agent.js';
import { InvalidOptionError } from '../errors.js';
import { agentTypes } from '../types/agent-types.js';
import { runTool, type Out } from './run-tool.js';

export const TYPES_USAGE = 'usage: fulfiller types --agent PATH --out FILE [--check] [--name Agent] [--from MODULE]';

const HELP = `${TYPES_USAGE}

Writes TypeScript for a Dialogflow agent export (CX JSON package or ES, a .zip or a folder):
the unions of its tags, intents, actions, events, flows and pages, its parameters typed from
their entity types, and the map from display names to the ids the wire needs. Use it as
createFulfiller<Agent>({ agent }) (docs/agents.md).

  --agent PATH    the export
  --out FILE      the TypeScript file to write
  --check         write nothing: exit 1 when FILE is not what the agent gives (for CI)
  --name NAME     the interface's name (default Agent; the map is its lower camel case)
  --from MODULE   where AppTypes is imported from (default dialogflow-fulfiller)

Exit code: 0 written (or up to date), 1 stale with --check, 2 the export cannot be read.`;

/** `fulfiller types`: writes (or, with --check, compares) the agent's TypeScript. */
export function typesCommand(args: readonly string[], out: Out, err?: Out): Promise<number> {
  return runTool(
    'types',
    HELP,
    args,
    out,
    async () => {
      const { values } = parseArgs({
        args: [...args],
        strict: true,
        options: {
          agent: { type: 'string' },
          out: { type: 'string' },
          check: { type: 'boolean', default: false },
          name: { type: 'string' },
          from: { type: 'string' },
        },
      });
      if (values.agent === undefined || values.out === undefined) throw new InvalidOptionError(`--agent PATH and --out FILE are required.\n${TYPES_USAGE}`);
      if (values.name !== undefined && !/^[A-Z][A-Za-z0-9_]*$/.test(values.name)) {
        throw new InvalidOptionError(`--name ${values.name}: a type name is letters and digits, starting with a capital.`);
      }
      const text = agentTypes(await readAgent(values.agent), { ...(values.name ? { name: values.name } : {}), ...(values.from ? { from: values.from } : {}) });
      if (values.check) {
        const current = await readFile(values.out, 'utf8').catch(() => undefined);
        if (current === text) {
          out(`${values.out} is up to date with ${values.agent}`);
          return 0;
        }
        const flags = `--agent ${values.agent} --out ${values.out}${values.name ? ` --name ${values.name}` : ''}${values.from ? ` --from ${values.from}` : ''}`;
        out(`${values.out} is ${current === undefined ? 'missing' : 'stale'}: the agent changed. Run fulfiller types ${flags}`);
        return 1;
      }
      await mkdir(dirname(values.out), { recursive: true });
      await writeFile(values.out, text);
      out(`wrote ${values.out}`);
      return 0;
    },
    err,
  );
}
