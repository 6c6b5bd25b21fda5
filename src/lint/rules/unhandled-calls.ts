import type { CallSite } from '../../agent/agent-model.js';
import type { LintCheck, LintContext, RuleFinding } from '../lint-context.js';
import { closestRoute, handled, routeCode } from '../route-names.js';

/**
 * Every call the agent makes to a served webhook must find a route, or the user hears the
 * fallback: CX by tag (then by the route's intent, as the app routes), ES by action, then intent.
 */
export const unhandledCalls: LintCheck = (context) =>
  context.sites.flatMap((site) => (context.agent.dialect === 'cx' ? cxSite(context, site) : esSite(context, site)));

function cxSite({ app }: LintContext, site: CallSite): RuleFinding[] {
  if (handled(app, 'tag', site.tag) !== false || handled(app, 'intent', site.intent) !== false) return [];
  const answered = app.fallback ? 'app.fallback() answers it' : 'the user hears the fallback message';
  if (site.tag === undefined) {
    return [
      {
        rule: 'untagged-webhook-call',
        message: `${site.location.path} calls the webhook ${site.webhook} without a tag${site.intent === undefined ? '' : `, and no intent route takes "${site.intent}"`}: ${answered}.`,
        fix: `Give the fulfillment a tag in the console and add ${routeCode('tag', '<tag>')}${site.intent === undefined ? '' : `, or add ${routeCode('intent', site.intent)}`}.`,
        location: site.location,
        subject: site.intent ?? '(no tag)',
      },
    ];
  }
  return [
    {
      rule: 'unhandled-tag',
      message: `${site.location.path} sends the tag "${site.tag}" to the webhook ${site.webhook}, and no route of the app takes it: ${answered}.`,
      fix: `Add ${routeCode('tag', site.tag)}${closestRoute(app, 'tag', site.tag)}.`,
      location: site.location,
      subject: site.tag,
    },
  ];
}

function esSite({ app }: LintContext, site: CallSite): RuleFinding[] {
  if (handled(app, 'action', site.action) !== false || handled(app, 'intent', site.intent) !== false) return [];
  const intent = site.intent!;
  const action = site.action === undefined ? '' : ` (action "${site.action}")`;
  return [
    {
      rule: 'unhandled-intent',
      message: `The intent "${intent}"${action} calls the webhook${site.slotFilling ? ' (also for slot filling)' : ''}, and no route of the app takes it: ${app.fallback ? 'app.fallback() answers it' : 'the user hears the fallback message'}.`,
      fix: `Add ${routeCode('intent', intent)}${site.action === undefined ? '' : ` or ${routeCode('action', site.action)}`}${closestRoute(app, 'intent', intent)}.`,
      location: site.location,
      subject: intent,
    },
  ];
}
