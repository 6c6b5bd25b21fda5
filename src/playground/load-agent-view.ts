import { readFile } from 'node:fs/promises';
import { InvalidOptionError } from '../index.js';
import type { AgentView } from './agent-view.js';

/**
 * `--agent PATH` → the agent view. The one place that knows where the view comes from: an
 * agent view written as JSON (what the tests use), until the export reader's model is
 * converted here into an AgentView.
 */
export async function loadAgentView(path: string): Promise<AgentView> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InvalidOptionError(`--agent ${path} cannot be read (${code ?? 'unreadable'}): give the agent view file.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InvalidOptionError(`--agent ${path} is not JSON: give an agent view (src/playground/agent-view.ts) as JSON.`);
  }
  return checkView(parsed, path);
}

function checkView(value: unknown, path: string): AgentView {
  const view = value as Partial<AgentView> | null;
  const wrong = (what: string): never => {
    throw new InvalidOptionError(`--agent ${path}: ${what} (an agent view: { dialect, name, flows, callSites, events }).`);
  };
  if (typeof view !== 'object' || view === null) return wrong('not an object');
  if (view.dialect !== 'cx' && view.dialect !== 'es') return wrong('dialect must be "cx" or "es"');
  if (!Array.isArray(view.flows)) return wrong('flows must be a list');
  if (!Array.isArray(view.callSites)) return wrong('callSites must be a list');
  for (const [i, site] of view.callSites.entries()) {
    if (typeof site?.id !== 'string' || typeof site.location !== 'string') wrong(`callSites[${i}] needs an id and a location`);
  }
  for (const [i, flow] of view.flows.entries()) {
    if (typeof flow?.id !== 'string' || !Array.isArray(flow.pages) || !Array.isArray(flow.transitions)) wrong(`flows[${i}] needs an id, pages and transitions`);
  }
  return { dialect: view.dialect, name: String(view.name ?? ''), flows: view.flows, callSites: view.callSites, events: Array.isArray(view.events) ? view.events : [] };
}
