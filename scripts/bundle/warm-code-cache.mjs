/**
 * Run by scripts/bundle.mjs once dist/lib is built: answers a typical CX and ES call through
 * the bundled library, in process and over HTTP as `fulfiller serve` does, so that the library
 * and each dialect's validators compile what such calls use, and checks the same calls and
 * answers against the beta versions' schemas, and exits, which writes their V8 code cache
 * (src/runtime/cached-module.ts) for the flags this process runs with into the cache directory
 * the build gives it (NODE_COMPILE_CACHE); the build ships them in dist/lib/code-cache. The
 * first start of `fulfiller serve` then reads compiled code instead of compiling hundreds of KB.
 */
import { request } from 'node:http';
import { createFulfiller, validateSchema } from '../../dist/lib/index.js';
import { cxRequest, esRequest } from '../../dist/lib/testing/index.js';

const app = createFulfiller({ mode: 'production', env: { LOG_LEVEL: 'silent' } });
const answer = (turn) => {
  turn.params.set('order_number', 'A-1003');
  turn.say(`Your order ${turn.params.string('order_number')} is preparing for shipment.`);
  turn.chips(['Track it', 'Talk to someone']);
};
app.tag('order.status', answer);
app.intent('order.status', answer);

const calls = [
  cxRequest('order.status')
    .text('where is my order')
    .intent('order.status', { order_number: 'A-1003' })
    .params({ customer_name: 'Hanako', order_number: 'A-1003', retries: 1, vip: true })
    .page('Order Status')
    .form('order_number', { value: 'A-1003', state: 'FILLED', required: true, justCollected: true })
    .build(),
  esRequest('order.status')
    .text('where is my order')
    .params({ order_number: 'A-1003' })
    .context('order', { lifespan: 5, params: { order_number: 'A-1003' } })
    .source('google', { user: { locale: 'en-US' } })
    .build(),
];
for (const call of calls) {
  const { status } = await app.handle(JSON.stringify(call), { 'content-type': 'application/json' });
  if (status !== 200) throw new Error(`warming the code cache: a typical call got ${status}`);
}

const betas = { cx: 'v3beta1', es: 'v2beta1' };
for (const call of calls) {
  const dialect = 'fulfillmentInfo' in call ? 'cx' : 'es';
  const { body } = await app.handle(JSON.stringify(call), { 'content-type': 'application/json' });
  const checks = [
    validateSchema(dialect, 'request', call, { version: betas[dialect] }),
    validateSchema(dialect, 'response', JSON.parse(body), { version: betas[dialect] }),
  ];
  if (!checks.every((check) => check.ok)) throw new Error(`warming the code cache: a typical ${dialect} call is not valid at ${betas[dialect]}`);
}

const server = await app.listen(0, '127.0.0.1');
const { port } = server.address();
for (const call of calls) {
  const status = await new Promise((resolve, reject) => {
    const body = JSON.stringify(call);
    const req = request(
      { host: '127.0.0.1', port, path: '/webhook', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
  if (status !== 200) throw new Error(`warming the code cache: a typical call over HTTP got ${status}`);
}
server.close();
server.closeAllConnections();
