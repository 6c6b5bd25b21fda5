/**
 * The peer's code after the one-line move: the same dialogflow-fulfillment handler on the same
 * Express 5 with `express.json()`, its WebhookClient from dialogflow-fulfiller's compat module.
 */
const express = require('express');
const { WebhookClient } = require('dialogflow-fulfiller/compat/dialogflow-fulfillment');
const legacyWebhook = require('../apps/legacy-order-status.cjs');

const server = express();
server.post('/webhook', express.json(), legacyWebhook(WebhookClient));
server.listen(Number(process.env.PORT), '127.0.0.1');
// A clean exit on SIGTERM, as `fulfiller serve` does, so that `--cpu-prof` writes its profile.
process.once('SIGTERM', () => process.exit(0));
