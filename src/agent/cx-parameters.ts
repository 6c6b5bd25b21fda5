import type { JsonValue } from '../generated/types.js';
import type { AgentModel, AgentPage } from './agent-model.js';
import type { AgentFiles } from './agent-files.js';

const SESSION_REFERENCE = /\$session\.params\.([A-Za-z0-9_-]+)/g;

/**
 * The session parameters a CX agent knows (form and intent parameters, parameter presets, and
 * every `$session.params.X` its flows and route groups read) and the events it handles.
 */
export function cxParameters(model: Pick<AgentModel, 'flows' | 'intents'>, files: AgentFiles): { parameters: string[]; events: string[] } {
  const parameters = new Set<string>();
  const events = new Set<string>();
  const pages: AgentPage[] = model.flows.flatMap((flow) => [flow.start, ...flow.pages]);
  for (const page of pages) {
    for (const parameter of page.form) {
      parameters.add(parameter.displayName);
      for (const handler of parameter.repromptHandlers) events.add(handler.event);
    }
    for (const handler of page.eventHandlers) events.add(handler.event);
    const fulfillments = [page.entry, page.dataStore, ...page.routes.map((r) => r.fulfillment), ...page.eventHandlers.map((h) => h.fulfillment)];
    for (const fulfillment of fulfillments) for (const name of fulfillment?.setsParameters ?? []) parameters.add(name);
  }
  for (const intent of model.intents) for (const parameter of intent.parameters) parameters.add(parameter.name);
  for (const path of files.paths) {
    if (path.endsWith('.json') && (path.startsWith('flows/') || path.startsWith('transitionRouteGroups/'))) collectReferences(files.json(path), parameters);
  }
  return { parameters: [...parameters].sort(), events: [...events].sort() };
}

function collectReferences(value: JsonValue, into: Set<string>): void {
  if (typeof value === 'string') {
    if (value.includes('$session.params.')) for (const match of value.matchAll(SESSION_REFERENCE)) into.add(match[1]!);
  } else if (Array.isArray(value)) {
    for (const item of value) collectReferences(item, into);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) collectReferences(item, into);
  }
}
