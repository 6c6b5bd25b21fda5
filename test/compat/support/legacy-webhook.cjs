/**
 * A webhook written for dialogflow-fulfillment as Google's templates write them, moved onto
 * dialogflow-fulfiller by one changed line (the require). Exported for Express (`webhook`, after
 * express.json()) and for Cloud Functions (`exports.webhook`, --target=webhook).
 */
'use strict';

// The one changed line; it was: require('dialogflow-fulfillment')
const { WebhookClient, Card, Suggestion } = require('dialogflow-fulfiller/compat/dialogflow-fulfillment');

exports.webhook = (request, response) => {
  const agent = new WebhookClient({ request, response });

  function welcome(agent) {
    agent.add('Welcome to my agent!');
    agent.add(new Card({ title: 'Orders', text: 'Ask me about an order', buttonText: 'Open', buttonUrl: 'https://example.com/orders' }));
    agent.add(new Suggestion('Where is my order?'));
    agent.context.set({ name: 'welcomed', lifespan: 2, parameters: { at: 'start' } });
  }

  function orderStatus(agent) {
    return new Promise((resolve) => setTimeout(resolve, 5)).then(() => agent.add(`Order ${agent.parameters.order} is on its way.`));
  }

  function fallback(agent) {
    agent.add(`I didn't understand`);
    agent.add(`I'm sorry, can you try again?`);
  }

  const intentMap = new Map();
  intentMap.set('Default Welcome Intent', welcome);
  intentMap.set('order.status', orderStatus);
  intentMap.set('Default Fallback Intent', fallback);
  agent.handleRequest(intentMap);
};
