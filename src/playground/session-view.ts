import type { Reply, SessionState } from '../testing/index.js';
import { asMap } from './json-map.js';
import type { ContextView, DialectName, JsonMap, ParamView, SessionView } from './view.js';

/**
 * The session after a turn, as the next turn will see it, with what this turn's answer changed
 * marked: CX parameters and the page the conversation is on; ES contexts with their lifespans
 * and the parameters of the session context.
 */
export function sessionView(dialect: DialectName, state: SessionState, reply: Reply | undefined, sent: JsonMap, sessionContext: string): SessionView {
  if (dialect === 'cx') {
    return { ...cxPlace(sent, reply), params: params(state.params as JsonMap, reply), contexts: [] };
  }
  const session = state.contexts.find((c) => c.id === sessionContext);
  const contexts: ContextView[] = state.contexts
    .filter((c) => c.id !== sessionContext)
    .map((c) => ({
      id: c.id,
      lifespanCount: c.lifespanCount,
      parameters: c.parameters as JsonMap,
      ...(reply?.contexts[c.id] === undefined ? {} : { change: 'set' as const }),
    }));
  for (const [id, context] of Object.entries(reply?.contexts ?? {})) {
    if (context.lifespanCount <= 0) contexts.push({ id, lifespanCount: 0, parameters: context.parameters as JsonMap, change: 'deleted' });
  }
  return { params: params((session?.parameters ?? {}) as JsonMap, reply), contexts };
}

function params(current: JsonMap, reply: Reply | undefined): ParamView[] {
  const changes = (reply?.params ?? {}) as JsonMap;
  const views: ParamView[] = Object.entries(current).map(([name, value]) => ({
    name,
    value,
    ...(Object.hasOwn(changes, name) && changes[name] !== null ? { change: 'set' as const } : {}),
  }));
  for (const [name, value] of Object.entries(changes)) {
    if (value === null && !Object.hasOwn(current, name)) views.push({ name, value: null, change: 'deleted' });
  }
  return views.sort((a, b) => a.name.localeCompare(b.name));
}

/** CX: the flow and page the conversation is on after the answer (its transition, or where it was). */
function cxPlace(sent: JsonMap, reply: Reply | undefined): Pick<SessionView, 'flow' | 'page'> {
  const current = asMap(sent.pageInfo).currentPage;
  const name =
    reply?.targetPage ?? (reply?.targetFlow !== undefined ? `${reply.targetFlow}/pages/START_PAGE` : typeof current === 'string' ? current : undefined);
  if (name === undefined) return {};
  const flow = /\/flows\/([^/]+)/.exec(name)?.[1];
  const page = /\/pages\/([^/]+)$/.exec(name)?.[1];
  return { ...(flow === undefined ? {} : { flow }), ...(page === undefined ? {} : { page }) };
}
