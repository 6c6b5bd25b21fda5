import type { AgentWebhook } from '../../agent/agent-model.js';
import type { LintCheck, LintContext, RuleFinding } from '../lint-context.js';
import { capitalized, routeCode, webhookName } from '../route-names.js';

/**
 * The app must answer before the agent stops waiting: its deadline (and each route's own) below
 * the webhook's timeout, or the user hears Dialogflow's error instead of the timeout message.
 */
export const webhookTimeouts: LintCheck = (context) =>
  context.served.flatMap((webhook) => [...appDeadline(context, webhook), ...routeDeadlines(context, webhook)]);

function appDeadline({ app, agent }: LintContext, webhook: AgentWebhook): RuleFinding[] {
  if (webhook.timeoutMs > app.deadlineMs) return [];
  return [
    {
      rule: 'webhook-timeout',
      message: `${capitalized(webhookName(webhook))} waits ${webhook.timeoutMs} ms, and the app's deadline is ${app.deadlineMs} ms: Dialogflow gives up before the app sends its timeout message.`,
      fix: `Set deadlineMs (FULFILLER_DEADLINE_MS) to ${suggested(webhook)} or less${agent.dialect === 'cx' ? `, or raise the webhook's timeout above ${app.deadlineMs} ms in the console` : ' (ES always waits 5 s)'}.`,
      location: webhook.location,
      subject: webhook.displayName,
    },
  ];
}

function routeDeadlines(context: LintContext, webhook: AgentWebhook): RuleFinding[] {
  const sites = context.sites.filter((site) => site.webhook === webhook.displayName);
  return context.app.routes.flatMap((route) => {
    if (route.deadlineMs === undefined || route.deadlineMs < webhook.timeoutMs) return [];
    const names = sites.map((site) => (route.kind === 'tag' ? site.tag : route.kind === 'action' ? site.action : site.intent));
    if (!names.some((name) => name !== undefined && route.matches(name) === true)) return [];
    const code = routeCode(route.kind, route.match);
    return [
      {
        rule: 'webhook-timeout',
        message: `${code} has deadlineMs ${route.deadlineMs}, and ${webhookName(webhook)} waits ${webhook.timeoutMs} ms: Dialogflow gives up before the route's timeout message.`,
        fix: `Set the route's deadlineMs to ${suggested(webhook)} or less${context.agent.dialect === 'cx' ? `, or raise the webhook's timeout above ${route.deadlineMs} ms` : ''}.`,
        location: webhook.location,
        subject: `${webhook.displayName}:${code}`,
      },
    ];
  });
}

/** A deadline that leaves the answer time to travel: a second less than the timeout (at least half of it). */
function suggested(webhook: AgentWebhook): number {
  return Math.max(Math.floor(webhook.timeoutMs / 2), webhook.timeoutMs - 1000);
}
