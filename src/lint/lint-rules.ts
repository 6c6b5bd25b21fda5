import type { Severity } from './lint-finding.js';

/** A rule: its stable id, the severity it has unless the config says otherwise, and what it checks. */
export interface LintRule {
  readonly id: string;
  readonly severity: Severity;
  readonly summary: string;
}

/** Every rule, in the order docs/lint.md lists them. Ids never change: configs and baselines name them. */
export const LINT_RULES: readonly LintRule[] = [
  { id: 'unhandled-tag', severity: 'error', summary: 'a fulfillment tag the agent sends to this webhook that no route of the app matches' },
  { id: 'unhandled-intent', severity: 'error', summary: 'an ES intent that calls this webhook, with no route for the intent or its action' },
  { id: 'untagged-webhook-call', severity: 'warning', summary: 'a CX fulfillment that calls the webhook without a tag, and no intent route takes it' },
  { id: 'unused-route', severity: 'warning', summary: 'a route for a tag, intent or action the agent never sends to this webhook' },
  { id: 'intent-webhook-off', severity: 'warning', summary: 'a route for an ES intent whose webhook call is switched off' },
  { id: 'missing-webhook-error-handler', severity: 'warning', summary: 'a page that calls the webhook without a webhook.error event handler in scope' },
  { id: 'webhook-timeout', severity: 'error', summary: "the agent's webhook timeout is not longer than the app's (or a route's) deadline" },
  { id: 'auth-unchecked', severity: 'error', summary: 'the agent sends credentials, and the app checks none' },
  { id: 'auth-not-sent', severity: 'error', summary: 'the app demands credentials the agent does not send' },
  { id: 'mtls-client-certificate', severity: 'error', summary: "with --tls-ca: the agent's client certificate (or its URL) does not fit mutual TLS" },
  {
    id: 'flexible-webhook-no-endpoint',
    severity: 'error',
    summary: 'a flexible webhook this app serves calls a method and path no endpoint of the app serves',
  },
  {
    id: 'flexible-webhook-body',
    severity: 'error',
    summary: "a flexible webhook's body template, filled with example values, breaks the endpoint's request schema",
  },
  {
    id: 'flexible-webhook-mapping',
    severity: 'error',
    summary: "a flexible webhook's parameter mapping selects nothing the endpoint's response schema produces",
  },
  { id: 'tool-schema-unreadable', severity: 'error', summary: 'a playbook tool that calls this app stores an OpenAPI schema that cannot be read' },
  { id: 'tool-drift-no-endpoint', severity: 'error', summary: "a playbook tool's operation that no endpoint of the app serves" },
  { id: 'tool-drift-unknown-field', severity: 'error', summary: 'a playbook tool sends a field the endpoint refuses' },
  { id: 'tool-drift-required', severity: 'error', summary: 'an endpoint requires a field the playbook tool never sends' },
  { id: 'tool-drift-optional', severity: 'warning', summary: 'an endpoint requires a field the playbook tool may leave out' },
  { id: 'tool-drift-type', severity: 'error', summary: 'a field has one type in the playbook tool and another in the endpoint' },
  { id: 'tool-drift-body', severity: 'error', summary: 'a playbook tool sends a body to an endpoint that takes none' },
  { id: 'tool-drift-response', severity: 'warning', summary: 'a playbook tool expects a field in the answer that the endpoint never returns' },
  { id: 'missing-page', severity: 'error', summary: 'a route or event handler targets a page its flow does not have' },
  { id: 'missing-flow', severity: 'error', summary: 'a route or event handler targets a flow the agent does not have' },
  { id: 'missing-webhook', severity: 'error', summary: 'a fulfillment calls a webhook the agent does not define, or one that is disabled' },
  { id: 'missing-intent', severity: 'error', summary: 'a route waits for an intent the agent does not have' },
  { id: 'missing-route-group', severity: 'error', summary: 'a page or flow uses a route group the agent does not have' },
  { id: 'missing-language-messages', severity: 'warning', summary: 'a language of the agent for which the app has no fallback, apology or timeout text' },
];

/** The rule with this id, or undefined. */
export function ruleById(id: string): LintRule | undefined {
  return LINT_RULES.find((rule) => rule.id === id);
}
