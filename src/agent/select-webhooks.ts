import type { AgentModel, AgentWebhook, CallSite } from './agent-model.js';
import { InvalidOptionError } from '../errors.js';
import { findWebhook } from './agent-lookup.js';
import { didYouMean } from './did-you-mean.js';
import { hostOf } from './webhook-url.js';

/** The webhooks an app serves, the others with why they are left out, and the served ones' call sites. */
export interface WebhookSelection {
  readonly served: readonly AgentWebhook[];
  readonly external: readonly { readonly webhook: AgentWebhook; readonly why: string }[];
  /** Call sites of served webhooks, each naming its webhook by display name. */
  readonly sites: readonly CallSite[];
}

/**
 * Which of the agent's webhooks this app answers: those named (`--webhook`), or by default every
 * standard, enabled webhook whose URL is not a Google API, and every flexible one on the host of
 * such a webhook (the app's JSON endpoints). A flexible webhook that calls a third party or a
 * Google API directly is the agent's business, not the app's: it is listed as external.
 */
export function selectWebhooks(agent: AgentModel, names: readonly string[] = []): WebhookSelection {
  for (const name of names) {
    if (findWebhook(agent, name) === undefined) {
      const known = agent.webhooks.map((w) => w.displayName);
      throw new InvalidOptionError(
        `--webhook ${name}: the agent has no such webhook${didYouMean(name, known)}; it has ${known.length === 0 ? 'none' : known.join(', ')}.`,
      );
    }
  }
  // A flexible webhook is this app's when it calls the host of a standard webhook the app serves.
  const standardHosts = new Set(agent.webhooks.filter((w) => w.kind === 'standard' && !w.disabled && !w.googleApi).map((w) => hostOf(w.url)));
  const chosen = (webhook: AgentWebhook): string | undefined => {
    if (names.length > 0) return names.some((name) => findWebhook(agent, name) === webhook) ? undefined : 'not named by --webhook';
    if (webhook.disabled) return 'disabled';
    if (webhook.googleApi) return webhook.kind === 'flexible' ? 'flexible, calls a Google API' : 'calls a Google API';
    if (webhook.kind === 'flexible' && !standardHosts.has(hostOf(webhook.url))) return 'flexible, calls another service';
    return undefined;
  };
  const served = agent.webhooks.filter((webhook) => chosen(webhook) === undefined);
  const external = agent.webhooks.flatMap((webhook) => {
    const why = chosen(webhook);
    return why === undefined ? [] : [{ webhook, why }];
  });
  const sites = agent.callSites.flatMap((site) => {
    const webhook = findWebhook(agent, site.webhook);
    return webhook !== undefined && served.includes(webhook) ? [{ ...site, webhook: webhook.displayName }] : [];
  });
  return { served, external, sites };
}
