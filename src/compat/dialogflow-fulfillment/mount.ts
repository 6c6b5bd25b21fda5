/**
 * `compat(app, handler)`: a handler written for dialogflow-fulfillment, mounted in an app so
 * that its calls get the app's auth, deadline, metrics, logs and recording. Native routes win:
 * the handler serves the ES turns no other route claims, so that moving it to the native API
 * goes one intent at a time.
 */
import { CompatUsageError, type Fulfiller, type Turn } from '../../index.js';
import { MountedCall, type MountedRequest, type MountedResponse } from './mounted-call.js';

/** An Express-style handler written for dialogflow-fulfillment: `(request, response) => { new WebhookClient(…) … }`. */
export type LegacyHandler = (request: MountedRequest, response: MountedResponse) => unknown;

/**
 * Mounts `handler` in `app` and returns the app:
 *
 *   const app = createFulfiller();
 *   app.intent('order.status', orderStatus); // ported: this one wins
 *   compat(app, (request, response) => { const agent = new WebhookClient({ request, response }); agent.handleRequest(intentMap); });
 */
export function compat(app: Fulfiller, handler: LegacyHandler): Fulfiller {
  if (typeof handler !== 'function') {
    throw new CompatUsageError('compat(app, handler) takes the (request, response) => … function written for dialogflow-fulfillment.');
  }
  let probing = false;
  // Claims an ES turn only when no other route would: asks the app's routing, without itself.
  const unclaimed = (_intent: string, turn: Turn): boolean => {
    if (probing || turn.platform !== 'es') return false;
    probing = true;
    try {
      return app.findRoute(turn) === undefined;
    } finally {
      probing = false;
    }
  };
  return app.intent(unclaimed, async (turn) => {
    if (turn.platform !== 'es') return;
    const call = new MountedCall(app, turn);
    await call.finished(handler(call.request, call.response));
  });
}
