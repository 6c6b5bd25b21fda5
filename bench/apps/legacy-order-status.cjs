/**
 * The benchmark's handler as dialogflow-fulfillment's users write it: a WebhookClient per call,
 * an intent map, `handleRequest()` not awaited. The same code for every contender that runs it;
 * only the library that provides `WebhookClient` differs (the one line that changes when moving).
 */
'use strict';

module.exports = function legacyWebhook(WebhookClient) {
  return (request, response) => {
    const agent = new WebhookClient({ request, response });
    const intents = new Map([['Matched Intent Name', (turn) => turn.add(`Hello ${turn.parameters.param}, your order A-1003 is preparing for shipment.`)]]);
    agent.handleRequest(intents);
  };
};
