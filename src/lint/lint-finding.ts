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
