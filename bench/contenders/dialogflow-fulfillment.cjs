/**
 * The peer: Google's deprecated `dialogflow-fulfillment` library (ES only, CommonJS) on Express 5
 * with `express.json()`, as its README shows, answering the intent of Google's sample request.
 */
const express = require('express');
const { WebhookClient } = require('dialogflow-fulfillment');
const legacyWebhook = require('../apps/legacy-order-status.cjs');

const server = express();
server.post('/webhook', express.json(), legacyWebhook(WebhookClient));
server.listen(Number(process.env.PORT), '127.0.0.1');
// A clean exit on SIGTERM, as `fulfiller serve` does, so that `--cpu-prof` writes its profile.
process.once('SIGTERM', () => process.exit(0));
