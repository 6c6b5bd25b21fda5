/**
 * `compat(app, handler)`: a handler written for dialogflow-fulfillment, mounted in an app so
 * that its calls get the app's auth, deadline, metrics, logs and recording. It is an intent
 * route that takes every ES turn, so the routes registered before it win (the router tries
 * routes in order): moving to the native API goes one intent at a time, and the metrics count
 * each call under its intent.
 */
import { InvalidArgumentError, type Fulfiller, type Turn } from '../../index.js';
import { MountedCall, type MountedRequest, type MountedResponse } from './mounted-call.js';

/** An Express-style handler written for dialogflow-fulfillment: `(request, response) => { new WebhookClient(…) … }`. */
export type LegacyHandler = (request: MountedRequest, response: MountedResponse) => unknown;

/**
 * Mounts `handler` in `app` and returns the app:
 *
 *   const app = createFulfiller();
 *   app.intent('order.status', orderStatus); // ported, and registered first: this one wins
 *   compat(app, (request, response) => { const agent = new WebhookClient({ request, response }); agent.handleRequest(intentMap); });
 */
export function compat(app: Fulfiller, handler: LegacyHandler): Fulfiller {
  if (typeof handler !== 'function') {
    throw new InvalidArgumentError('compat(app, handler) takes the (request, response) => … function written for dialogflow-fulfillment.');
  }
  const es = (_intent: string, turn: Turn): boolean => turn.platform === 'es';
  return app.intent(es, async (turn) => {
    if (turn.platform !== 'es') return;
    const call = new MountedCall(app, turn);
    await call.finished(handler(call.request, call.response));
  });
}
