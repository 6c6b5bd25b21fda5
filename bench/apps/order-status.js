/**
 * The benchmark's app module, served by `fulfiller serve --app bench/apps/order-status.js` and
 * mounted by the Express contender: one handler for both dialects that reads a session
 * parameter and answers with a sentence, so every request runs the whole pipeline (validation,
 * routing, the handler, response building and validation), never the fallback.
 */
export default function setup(app) {
  const answer = (turn) => {
    const who = turn.params.string('customer_name') ?? turn.params.string('param') ?? 'there';
    const order = turn.params.string('order_number') ?? 'A-1003';
    turn.say(`Hello ${who}, your order ${order} is preparing for shipment.`);
  };
  app.tag('order.status', answer); // CX: the fulfillment tag of bench/payloads/cx-request.json
  app.intent('Matched Intent Name', answer); // ES: the intent of Google's sample request
}
