import type { AgentLocation } from '../agent/agent-model.js';

/** How much a finding matters: errors fail `fulfiller lint`, warnings too with `--strict`, infos never. */
export type Severity = 'error' | 'warning' | 'info';

/** One thing `fulfiller lint` found. Messages name things in the agent and the app, never a credential. */
export interface LintFinding {
  /** The rule's stable id (docs/lint.md has a row for each). */
  readonly rule: string;
  readonly severity: Severity;
  /** What is wrong. */
  readonly message: string;
  /** What to do about it, with the closest existing name where one is close. */
  readonly fix: string;
  readonly location: AgentLocation;
  /** What the finding is about (a tag, an intent, a webhook…): with the rule and location, its identity in a baseline. */
  readonly subject: string;
}

/** A finding as a rule makes it: the severity comes from the rule and the config. */
export type Finding = Omit<LintFinding, 'rule' | 'severity'>;
/**
 * What a check over an agent export says about one thing in it (a flexible webhook, a playbook
 * tool), independent of how `fulfiller lint` prints it: the rule, how bad, what and where, and
 * what to do.
 */
export interface EndpointFinding {
  /** Stable rule id: `flexible-webhook-no-endpoint`, `tool-drift-unknown-field`… */
  rule: string;
  severity: 'error' | 'warning';
  /** What is wrong and how to fix it. */
  message: string;
  /** The webhook or tool it is about (its display name). */
  subject: string;
  /** Where inside it, when there is a place: `requestBody.address`, `parameterMapping.$flow.city`. */
  at?: string;
}
