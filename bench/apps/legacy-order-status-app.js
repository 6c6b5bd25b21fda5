/**
 * The peer's handler mounted in an app with `compat(app, handler)`, for `fulfiller serve`: what a
 * user moving from dialogflow-fulfillment runs once it leaves Express.
 */
import { createRequire } from 'node:module';
import { compat, WebhookClient } from 'dialogflow-fulfiller/compat/dialogflow-fulfillment';

const legacyWebhook = createRequire(import.meta.url)('./legacy-order-status.cjs');

export default function setup(app) {
  compat(app, legacyWebhook(WebhookClient));
}
