import type { AgentEventHandler, AgentFlow, AgentPage, AgentRoute } from '../../agent/agent-model.js';
import type { LintCheck, LintContext, RuleFinding } from '../lint-context.js';
import { findFlow, findRouteGroup, findWebhook, intentExists, pageExists } from '../../agent/agent-lookup.js';
import { didYouMean } from '../../agent/did-you-mean.js';

/**
 * References the agent itself breaks, where they touch fulfillment: transitions to pages or
 * flows that are not there, calls to webhooks that are not defined (or disabled), routes that
 * wait for missing intents, and route groups that are not there.
 */
export const brokenReferences: LintCheck = (context) => [
  ...webhookReferences(context),
  ...context.agent.flows.flatMap((flow) => flowReferences(context, flow)),
];

function webhookReferences({ agent }: LintContext): RuleFinding[] {
  const known = agent.webhooks.map((w) => w.displayName);
  return agent.callSites.flatMap((site) => {
    const webhook = findWebhook(agent, site.webhook);
    if (webhook !== undefined && !webhook.disabled) return [];
    const where = agent.dialect === 'es' ? `The intent "${site.intent}" calls the webhook` : `${site.location.path} calls the webhook ${site.webhook}`;
    const message =
      webhook !== undefined
        ? `${where}, which is disabled: every call fails.`
        : agent.dialect === 'es'
          ? `${where}, and the agent has none (Fulfillment › Webhook is off or has no URL): every call fails.`
          : `${where}, which the agent does not define${didYouMean(site.webhook, known)}: every call fails.`;
    return [
      {
        rule: 'missing-webhook',
        message,
        fix: webhook !== undefined ? 'Enable the webhook, or remove the call.' : 'Define the webhook in the console (or correct the name), or remove the call.',
        location: site.location,
        subject: site.webhook,
      },
    ];
  });
}

function flowReferences(context: LintContext, flow: AgentFlow): RuleFinding[] {
  const { agent } = context;
  const findings: RuleFinding[] = [];
  const pages = flow.pages.map((p) => p.displayName);
  const target = (from: AgentRoute | AgentEventHandler): void => {
    if (from.targetPage !== undefined && from.targetPage !== '' && !pageExists(flow, from.targetPage)) {
      findings.push({
        rule: 'missing-page',
        message: `${from.location.path} goes to the page "${from.targetPage}", which the flow "${flow.displayName}" does not have${didYouMean(from.targetPage, pages)}.`,
        fix: 'Correct the transition in the console, or add the page.',
        location: from.location,
        subject: from.targetPage,
      });
    }
    if (from.targetFlow !== undefined && from.targetFlow !== '' && findFlow(agent, from.targetFlow) === undefined) {
      findings.push({
        rule: 'missing-flow',
        message: `${from.location.path} goes to the flow "${from.targetFlow}", which the agent does not have${didYouMean(
          from.targetFlow,
          agent.flows.map((f) => f.displayName),
        )}.`,
        fix: 'Correct the transition in the console, or add the flow.',
        location: from.location,
        subject: from.targetFlow,
      });
    }
  };
  const routes = (list: readonly AgentRoute[]): void => {
    for (const route of list) {
      target(route);
      if (route.intent !== undefined && route.intent !== '' && !intentExists(agent, route.intent)) {
        findings.push({
          rule: 'missing-intent',
          message: `${route.location.path} waits for the intent "${route.intent}", which the agent does not have${didYouMean(
            route.intent,
            agent.intents.map((i) => i.displayName),
          )}: the route never fires.`,
          fix: "Correct the route's intent in the console, or add the intent.",
          location: route.location,
          subject: route.intent,
        });
      }
    }
  };
  const scope = (page: AgentPage): void => {
    routes(page.routes);
    for (const handler of [...page.eventHandlers, ...page.form.flatMap((p) => p.repromptHandlers)]) target(handler);
    for (const reference of page.routeGroups) {
      if (findRouteGroup(agent, flow, reference) !== undefined) continue;
      findings.push({
        rule: 'missing-route-group',
        message: `${page.location.path} uses the route group "${reference}", which the agent does not have${didYouMean(
          reference,
          [...flow.routeGroups, ...agent.routeGroups].map((g) => g.displayName),
        )}.`,
        fix: "Correct the page's route groups in the console, or add the group.",
        location: page.location,
        subject: reference,
      });
    }
  };
  scope(flow.start);
  flow.pages.forEach(scope);
  for (const group of flow.routeGroups) routes(group.routes);
  return findings;
}
