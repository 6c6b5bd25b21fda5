import { readFile } from 'node:fs/promises';
import * as util from 'node:util';
import { InvalidOptionError } from '../errors.js';

type ParseEnv = (content: string) => Record<string, string>;

/**
 * A deployment's environment from a dotenv file (`--env-file`), parsed by Node's own
 * `util.parseEnv` (Node.js 20.12 and later), the same rules as `node --env-file`.
 */
export async function readEnvFile(file: string): Promise<Record<string, string>> {
  const parseEnv = (util as unknown as { parseEnv?: ParseEnv }).parseEnv;
  if (parseEnv === undefined) throw new InvalidOptionError(`--env-file needs Node.js 20.12 or later (this is ${process.version}).`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InvalidOptionError(`Cannot read --env-file ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}.`);
  }
  return parseEnv(text);
}
