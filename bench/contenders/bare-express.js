/** Bare Express 5 as most webhooks are written: `express.json()`, then `res.json()` of a fixed response. */
import express from 'express';
import { fixedAnswer } from './fixed-answers.js';

const server = express();
server.post('/webhook', express.json(), (req, res) => {
  res.json(fixedAnswer(req.body));
});
server.listen(Number(process.env.PORT), '127.0.0.1');
// A clean exit on SIGTERM, as `fulfiller serve` does, so that `--cpu-prof` writes its profile.
process.once('SIGTERM', () => process.exit(0));
