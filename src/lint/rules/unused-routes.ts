import type { RouteDescription } from '../../core/app-description.js';
import type { RouteKind } from '../../base/app-types.js';
import type { LintCheck, LintContext, RuleFinding } from '../lint-context.js';
import { didYouMean } from '../../agent/did-you-mean.js';
import { routeCode, webhookName } from '../route-names.js';

/**
 * Routes for names the agent never sends to this app: renamed in the console, or a typo. Only
 * the kinds the dialect sends are checked (tags in CX, actions in ES; intents in both), so an
 * app that serves both dialects is not blamed for the other one's routes. A RegExp or predicate
 * route is tried against every name.
 */
export const unusedRoutes: LintCheck = (context) => {
  const kinds: RouteKind[] = context.agent.dialect === 'cx' ? ['tag', 'intent'] : ['intent', 'action'];
  const sent = new Map(kinds.map((kind) => [kind, sentNames(context, kind)]));
  return context.app.routes.filter((route) => kinds.includes(route.kind)).flatMap((route) => check(context, route, sent.get(route.kind)!));
};

function check(context: LintContext, route: RouteDescription, sent: ReadonlySet<string>): RuleFinding[] {
  if (typeof route.match === 'string' ? sent.has(route.match) : [...sent].some((name) => route.matches(name) !== false)) return []; // matches one, or cannot tell
  const code = routeCode(route.kind, route.match);
  const location = { file: context.appFile, path: code };
  const off = offIntent(context, route);
  if (off !== undefined) {
    return [
      {
        rule: 'intent-webhook-off',
        message: `${code} is for the intent "${off.displayName}", whose webhook call is switched off: the route never runs.`,
        fix: `Turn on "Enable webhook call for this intent" for "${off.displayName}" in the console, or remove the route.`,
        location: off.location,
        subject: `${route.kind}:${off.displayName}`,
      },
    ];
  }
  const what = { tag: 'fulfillment tag', intent: 'intent', action: 'action' }[route.kind];
  const hint = typeof route.match === 'string' ? didYouMean(route.match, [...sent]) : '';
  return [
    {
      rule: 'unused-route',
      message: `${code} matches no ${what} the agent sends to ${served(context)}${hint}: the route never runs.`,
      fix:
        typeof route.match === 'string' ? `Correct the name to one the agent uses${hint}, or remove the route.` : 'Correct the pattern, or remove the route.',
      location,
      subject: `${route.kind}:${typeof route.match === 'string' ? route.match : String(route.match)}`,
    },
  ];
}

/** What the agent sends to the served webhooks, by kind. CX intents: any intent can be the last one matched. */
function sentNames({ agent, sites }: LintContext, kind: RouteKind): Set<string> {
  const names =
    kind === 'tag'
      ? sites.map((s) => s.tag)
      : kind === 'action'
        ? sites.map((s) => s.action)
        : agent.dialect === 'cx'
          ? agent.intents.map((i) => i.displayName)
          : sites.map((s) => s.intent);
  return new Set(names.filter((name): name is string => name !== undefined));
}

function offIntent({ agent }: LintContext, route: RouteDescription) {
  if (agent.dialect !== 'es' || route.kind === 'tag') return undefined;
  return agent.intents.find(
    (intent) =>
      !intent.webhookUsed && !intent.webhookForSlotFilling && route.matches(route.kind === 'intent' ? intent.displayName : (intent.action ?? '')) === true,
  );
}

function served({ served }: LintContext): string {
  return served.length === 1 ? webhookName(served[0]!) : served.length === 0 ? 'any webhook this app serves' : 'the webhooks this app serves';
}
