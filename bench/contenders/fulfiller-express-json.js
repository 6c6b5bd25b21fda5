/**
 * A native handler on the Express of the dialogflow-fulfillment contenders: `app.express()` after
 * `express.json()` on POST /webhook (the adapter takes the parsed body), serving the benchmark app.
 * What the compat module on that Express is measured against.
 */
import express from 'express';
import { createFulfiller } from 'dialogflow-fulfiller';
import setup from '../apps/order-status.js';

const app = createFulfiller();
setup(app);
const server = express();
server.post('/webhook', express.json(), app.express());
server.listen(Number(process.env.PORT), '127.0.0.1');
// A clean exit on SIGTERM, as `fulfiller serve` does, so that `--cpu-prof` writes its profile.
process.once('SIGTERM', () => process.exit(0));
