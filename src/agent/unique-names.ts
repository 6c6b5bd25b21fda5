import { AgentDuplicateNameError } from '../errors.js';
import type { AgentLocation } from './agent-model.js';

/** Refuses two objects of one kind with one display name: references would be ambiguous. */
export function checkUniqueNames(what: string, items: readonly { displayName: string; location: AgentLocation }[]): void {
  const seen = new Map<string, string>();
  for (const item of items) {
    const first = seen.get(item.displayName);
    if (first !== undefined) throw new AgentDuplicateNameError(what, item.displayName, [first, item.location.file]);
    seen.set(item.displayName, item.location.file);
  }
}
