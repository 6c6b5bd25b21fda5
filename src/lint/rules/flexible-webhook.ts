import type { LintCheck } from '../lint-context.js';

/**
 * A flexible webhook sends a request body of the designer's making and maps fields of the
 * answer, not a WebhookRequest: the app cannot serve one yet, so naming it with --webhook is
 * reported instead of checked. (By default flexible webhooks are listed as external.)
 */
export const flexibleWebhook: LintCheck = ({ served }) =>
  served
    .filter((webhook) => webhook.kind === 'flexible')
    .map((webhook) => ({
      rule: 'flexible-webhook',
      message: `The webhook ${webhook.displayName} is a flexible webhook: it does not send a WebhookRequest, and this app cannot answer it yet (unsupported).`,
      fix: 'Leave it out of --webhook (it is then listed as external), or make it a standard webhook in the console.',
      location: webhook.location,
      subject: webhook.displayName,
    }));
