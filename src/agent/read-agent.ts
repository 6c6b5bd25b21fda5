import type { AgentModel } from './agent-model.js';
import { AgentFiles } from './agent-files.js';
import { DEFAULT_EXPORT_LIMITS, type ExportLimits } from './export-limits.js';
import { readCxAgent } from './read-cx-agent.js';
import { readEsAgent } from './read-es-agent.js';
import { readExport } from './read-export.js';
import { NotAnAgentError } from '../errors.js';
import { isJsonObject } from '../base/json-object.js';

/** Options of `readAgent()`. */
export interface ReadAgentOptions {
  /** Bounds on the bytes and entries read (zip bombs): default 256 MiB of JSON and 100,000 entries. */
  limits?: Partial<ExportLimits>;
}

/**
 * Reads a Dialogflow agent export, CX ("JSON package") or ES, given as a .zip or as the folder
 * it unzips to, into one model: in memory, nothing written to disk. Every problem is a
 * FulfillerError naming the file (and line, or field) and what to do.
 *
 *   const agent = await readAgent('exports/my-agent.zip');
 *   agent.callSites.map((site) => site.tag);
 */
export async function readAgent(path: string, options: ReadAgentOptions = {}): Promise<AgentModel> {
  const files = AgentFiles.of(await readExport(path, { ...DEFAULT_EXPORT_LIMITS, ...options.limits }));
  const agent = files.json('agent.json');
  if (!isJsonObject(agent)) throw new NotAnAgentError(path, 'its agent.json holds no JSON object');
  const cx = 'defaultLanguageCode' in agent || 'startFlow' in agent || files.paths.some((p) => p.startsWith('flows/'));
  const es = 'language' in agent || files.has('package.json') || files.paths.some((p) => /^(intents|entities)\/[^/]+\.json$/.test(p));
  if (cx) return readCxAgent(files);
  if (es) return readEsAgent(files);
  throw new NotAnAgentError(path, 'its agent.json is neither a Dialogflow CX agent (defaultLanguageCode, flows/) nor an ES agent (language, intents/*.json)');
}
