/**
 * The limit: bare node:http that reads the body, parses the JSON and answers a fixed response.
 * Nothing a real webhook can skip is left out, and nothing more is done. It answers the
 * endpoint payload the same way (`POST /customers/validate`), for the endpoint's ratio.
 */
import { createServer } from 'node:http';
import { fixedAnswer } from './fixed-answers.js';

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };

createServer((req, res) => {
  const endpoint = req.url === '/customers/validate';
  if (req.method !== 'POST' || (req.url !== '/webhook' && !endpoint)) {
    res.writeHead(404).end();
    return;
  }
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    let request;
    try {
      request = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      res.writeHead(400, JSON_TYPE).end('{"error":"malformed JSON"}');
      return;
    }
    const answer = endpoint ? { valid: request.customerId === '12345', customerId: request.customerId } : fixedAnswer(request);
    res.writeHead(200, JSON_TYPE).end(JSON.stringify(answer));
  });
}).listen(Number(process.env.PORT), '127.0.0.1');
// A clean exit on SIGTERM, as `fulfiller serve` does, so that `--cpu-prof` writes its profile.
process.once('SIGTERM', () => process.exit(0));
