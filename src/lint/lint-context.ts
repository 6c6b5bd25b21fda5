import type { AgentModel, AgentWebhook, CallSite } from '../agent/agent-model.js';
import type { AppDescription } from '../core/app-description.js';
import type { Finding } from './lint-finding.js';

/** What the rules look at: the agent, the app, which webhooks the app serves and their call sites. */
export interface LintContext {
  readonly agent: AgentModel;
  readonly app: AppDescription;
  /** The webhooks this app answers (`--webhook`, or every standard one that is not a Google API). */
  readonly served: readonly AgentWebhook[];
  /** The call sites of those webhooks. */
  readonly sites: readonly CallSite[];
  /** The client CA of mutual TLS (`--tls-ca`), as PEM: only then is mTLS checked. */
  readonly tlsCa: string | undefined;
  /** The app module as given (`--app`): where findings about routes point. */
  readonly appFile: string;
}

/** A finding and the rule it is for: some checks report under several rules. */
export type RuleFinding = Finding & { readonly rule: string };

/** One check over the context. */
export type LintCheck = (context: LintContext) => RuleFinding[];
