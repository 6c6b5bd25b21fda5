import type { AgentEventHandler, AgentFlow, AgentPage, CallSite, PageRef } from '../../agent/agent-model.js';
import type { LintCheck, LintContext, RuleFinding } from '../lint-context.js';

/**
 * A page that calls the webhook needs a `webhook.error` event handler in scope (the page's own,
 * its flow's, or the form parameter's): otherwise a failed or slow call leaves the user with
 * Dialogflow's generic error, or nothing.
 */
export const webhookErrorHandlers: LintCheck = (context) => {
  if (context.agent.dialect !== 'cx') return [];
  return context.sites.flatMap((site) => {
    const bare = site.pages.filter((ref) => !covered(context, site, ref));
    if (bare.length === 0) return [];
    const names = bare.map((ref) => `${ref.flow} › ${ref.page}`);
    const shown = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
    const finding: RuleFinding = {
      rule: 'missing-webhook-error-handler',
      message: `${site.location.path} calls the webhook ${site.webhook}, and ${bare.length === 1 ? 'the page' : 'the pages'} ${shown} ${bare.length === 1 ? 'has' : 'have'} no webhook.error event handler: a failed or timed-out call leaves the user without an answer.`,
      fix: `Add an event handler for webhook.error (a message, or a transition) to ${bare.length === 1 ? 'the page' : 'each page'} or to the flow "${bare[0]!.flow}".`,
      location: site.location,
      subject: site.tag ?? site.location.path,
    };
    return [finding];
  });
};

function covered({ agent }: LintContext, site: CallSite, ref: PageRef): boolean {
  const flow = agent.flows.find((f) => f.id === ref.flowId);
  if (flow === undefined) return true;
  const page: AgentPage | undefined = ref.pageId === flow.start.id ? flow.start : flow.pages.find((p) => p.id === ref.pageId);
  const handlers: AgentEventHandler[] = [...flow.start.eventHandlers, ...(page?.eventHandlers ?? []), ...repromptHandlers(flow, site)];
  return handlers.some((handler) => handler.event === 'webhook.error');
}

/** A reprompt handler's siblings: the handlers of the same form parameter. */
function repromptHandlers(flow: AgentFlow, site: CallSite): AgentEventHandler[] {
  if (site.kind !== 'reprompt' && site.kind !== 'form-parameter') return [];
  const parameter = [flow.start, ...flow.pages]
    .flatMap((p) => p.form)
    .find((p) => site.location.path.startsWith(p.location.path) && site.location.file === p.location.file);
  return [...(parameter?.repromptHandlers ?? [])];
}
