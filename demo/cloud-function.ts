/**
 * The demo agent as a Cloud Function (2nd gen): `--entry-point webhook`, built to
 * dist/demo/cloud-function.js. Same environment as `npm start` (DEMO_*, REDIS_URL, FULFILLER_*).
 * See docs/deployment.md.
 */
import { createFulfiller } from 'dialogflow-fulfiller';
import demo from './app.js';

const app = createFulfiller();
demo(app);

/** The HTTP function: POST the WebhookRequest to the function's URL. */
export const webhook = app.cloudFunction();
