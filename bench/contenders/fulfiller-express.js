/**
 * The project's Express adapter inside an Express 5 app: `app.express()` mounted on POST /webhook
 * with no body parser before it (the adapter reads the body itself), serving the benchmark app.
 */
import express from 'express';
import { createFulfiller } from 'dialogflow-fulfiller';
import setup from '../apps/order-status.js';

const app = createFulfiller();
setup(app);
const server = express();
server.post('/webhook', app.express());
server.listen(Number(process.env.PORT), '127.0.0.1');
// A clean exit on SIGTERM, as `fulfiller serve` does, so that `--cpu-prof` writes its profile.
process.once('SIGTERM', () => process.exit(0));
