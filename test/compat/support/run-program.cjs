/**
 * Runs a fulfillment program written for dialogflow-fulfillment (api-tour.cjs) on requests read
 * from stdin (a JSON array), with either library, and prints what each call was answered:
 *
 *   node run-program.cjs PROGRAM legacy|compat < requests.json
 *
 * `legacy` is the real dialogflow-fulfillment 0.6.1; `compat` is the built CommonJS entry of
 * dialogflow-fulfiller/compat/dialogflow-fulfillment. A call whose handler settled without an
 * answer is "no answer": the request would hang. Run in its own process: the old library writes
 * warnings to the console, and needs actions-on-google.
 */
'use strict';
const path = require('node:path');

const [program, which] = process.argv.slice(2);
const lib =
  which === 'compat' ? require(path.resolve(__dirname, '../../../dist/lib/compat/dialogflow-fulfillment/index.cjs')) : require('dialogflow-fulfillment');
const webhook = require(path.resolve(program))(lib);

/** The Express response methods both libraries use, recording what is sent. */
function response() {
  const sent = { status: 200, headers: {}, body: undefined };
  return {
    sent,
    headersSent: false,
    status(code) {
      sent.status = code;
      return this;
    },
    json(body) {
      sent.body = JSON.parse(JSON.stringify(body));
      this.headersSent = true;
      return this;
    },
    setHeader(name, value) {
      sent.headers[name] = value;
    },
    set statusCode(code) {
      sent.status = code;
    },
    end(text) {
      sent.body = JSON.parse(text);
      this.headersSent = true;
    },
  };
}

async function answer(request) {
  const res = response();
  try {
    await webhook({ body: request, headers: { 'content-type': 'application/json' } }, res);
  } catch {
    // the old library rejects without answering: reported below as "no answer"
  }
  await new Promise((resolve) => setImmediate(resolve));
  return res.sent.body === undefined ? 'no answer' : { status: res.sent.status, body: res.sent.body };
}

let input = '';
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', async () => {
  const answers = [];
  for (const request of JSON.parse(input)) answers.push(await answer(request));
  process.stdout.write(JSON.stringify(answers));
});
