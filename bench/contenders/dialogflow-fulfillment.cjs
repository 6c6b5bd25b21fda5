/**
 * The peer: Google's deprecated `dialogflow-fulfillment` library (ES only, CommonJS) on Express 5
 * with `express.json()`, as its README shows, answering the intent of Google's sample request.
 */
const express = require('express');
const { WebhookClient } = require('dialogflow-fulfillment');

const server = express();
server.post('/webhook', express.json(), (request, response) => {
  const agent = new WebhookClient({ request, response });
  const intents = new Map([['Matched Intent Name', (turn) => turn.add(`Hello ${turn.parameters.param}, your order A-1003 is preparing for shipment.`)]]);
  agent.handleRequest(intents);
});
server.listen(Number(process.env.PORT), '127.0.0.1');
// A clean exit on SIGTERM, as `fulfiller serve` does, so that `--cpu-prof` writes its profile.
process.once('SIGTERM', () => process.exit(0));
