import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiKey, BUILT_IN_MESSAGES, type Fulfiller, type FulfillerOptions } from '../../../src/index.js';
import { Card, compat, WebhookClient, type IntentHandler, type LegacyHandler } from '../../../src/compat/dialogflow-fulfillment/index.js';
import { cxRequest, esRequest, fakeClock } from '../../../src/testing/index.js';
import { testApp } from '../../support/app.js';
import { close, post } from '../../support/http.js';
import { checkBody, textsOf } from '../../support/responses.js';

/**
 * `compat(app, handler)`: a (request, response) handler written for dialogflow-fulfillment,
 * mounted in an app and served by the app's own adapter, next to native routes.
 */
const { fallback, apology, timeout } = BUILT_IN_MESSAGES.en!;

/** The handler as the templates write it: an intent map, and handleRequest() not awaited. */
const legacy =
  (intents: Record<string, IntentHandler>): LegacyHandler =>
  (request, response) => {
    const agent = new WebhookClient({ request, response });
    agent.handleRequest(new Map(Object.entries(intents)));
  };

const orderStatus: IntentHandler = (agent) => {
  agent.add(`Order ${String(agent.parameters.order)} is on its way.`);
  agent.add(new Card({ title: String(agent.parameters.order), buttonText: 'Track', buttonUrl: 'https://example.com/track' }));
  agent.context.set('order', 2, { order: agent.parameters.order! });
};

async function serve(options: FulfillerOptions, setup: (app: Fulfiller) => void) {
  const { app, logger } = testApp(options);
  setup(app);
  const server = await app.listen(0, '127.0.0.1');
  const { port } = server.address() as { port: number };
  const send = (body: object, headers: Record<string, string> = {}) =>
    post(`http://127.0.0.1:${port}/webhook`, body, { 'content-type': 'application/json', ...headers });
  return { app, logger, send, stop: () => close(server) };
}

describe('compat(app, handler)', () => {
  it('serves the old handler through the app: the answer is checked and counted per intent', async () => {
    const { app, send, stop } = await serve({}, (a) => compat(a, legacy({ 'order.status': orderStatus })));
    try {
      const reply = await send(esRequest('order.status').params({ order: 'A-1003' }).build());
      const body = checkBody('es', reply.text) as object;
      expect(textsOf(body)).toEqual(['Order A-1003 is on its way.']);
      expect(body).toMatchObject({
        fulfillmentMessages: [{}, { card: { title: 'A-1003', buttons: [{ text: 'Track' }] } }],
        outputContexts: [{ lifespanCount: 2, parameters: { order: 'A-1003' } }],
      });
      expect((await app.metrics!.render()).body).toContain('fulfiller_requests_total{dialect="es",route="intent:order.status",status="200"} 1');
    } finally {
      await stop();
    }
  });

  it('lets the native routes registered before it win, so that handlers move one by one', async () => {
    const { send, stop } = await serve({}, (app) => {
      app.intent('refund.create', (turn) => void turn.say('refund, the native way'));
      app.action('refund.check', (turn) => void turn.say('checked, the native way'));
      compat(app, legacy({ 'order.status': orderStatus, 'refund.create': (agent) => agent.add('refund, the old way') }));
      app.tag('refund.create', (turn) => void turn.say('refund on CX'));
      app.intent('order.status', (turn) => void turn.say('registered after compat(): never runs for ES'));
    });
    try {
      expect(textsOf(checkBody('es', (await send(esRequest('refund.create').build())).text) as object)).toEqual(['refund, the native way']);
      expect(textsOf(checkBody('es', (await send(esRequest('anything').action('refund.check').build())).text) as object)).toEqual(['checked, the native way']);
      expect(textsOf(checkBody('es', (await send(esRequest('order.status').params({ order: 'A-1' }).build())).text) as object)).toEqual([
        'Order A-1 is on its way.',
      ]);
      expect(textsOf(checkBody('cx', (await send(cxRequest('refund.create').build())).text) as object)).toEqual(['refund on CX']);
      // A CX request the app has no route for gets the app's fallback, not the ES-only handler.
      expect(textsOf(checkBody('cx', (await send(cxRequest('other').build())).text) as object)).toEqual([fallback]);
    } finally {
      await stop();
    }
  });

  it('checks credentials before the old handler runs', async () => {
    let runs = 0;
    const { send, stop } = await serve({ auth: apiKey({ keys: ['k-1'] }) }, (app) => compat(app, legacy({ 'order.status': () => void runs++ })));
    try {
      expect((await send(esRequest('order.status').build())).status).toBe(401);
      expect(runs).toBe(0);
      expect((await send(esRequest('order.status').build(), { 'x-api-key': 'k-1' })).status).toBe(200);
      expect(runs).toBe(1);
    } finally {
      await stop();
    }
  });

  it('records the calls it serves as fixtures', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'compat-record-'));
    try {
      const { app, send, stop } = await serve({ record: { dir } }, (a) => compat(a, legacy({ 'order.status': orderStatus })));
      await send(esRequest('order.status').params({ order: 'A-1003' }).build());
      await stop();
      await app.close({ graceMs: 10 });
      const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));
      expect(files).toHaveLength(1);
      expect(readFileSync(join(dir, files[0]!), 'utf8')).toContain('Order A-1003 is on its way.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('holds the handler to the deadline, and warns about what it says afterwards', async () => {
    const clock = fakeClock(0);
    const started = gate();
    const backend = gate();
    const finished = gate();
    const { send, stop, logger } = await serve({ deadlineMs: 4000, clock }, (app) =>
      compat(
        app,
        legacy({
          slow: async (agent) => {
            started.open();
            await backend.opened;
            agent.add('too late');
            finished.open();
          },
        }),
      ),
    );
    try {
      const answer = send(esRequest('slow').build());
      await started.opened;
      await clock.advance(4000);
      expect(textsOf(checkBody('es', (await answer).text) as object)).toEqual([timeout]);
      backend.open();
      await finished.opened;
      await new Promise((resolve) => setImmediate(resolve)); // what the handler said goes onto the turn once it returns
      expect(logger.records).toContainEqual(expect.objectContaining({ level: 'warn', message: expect.stringContaining('after the response was sent') }));
    } finally {
      await stop();
    }
  });

  it('gives an intent the old map lacks the fallback, and a failing handler the apology', async () => {
    const { send, stop, logger } = await serve({}, (app) =>
      compat(
        app,
        legacy({
          broken: () => {
            throw new Error('backend down');
          },
        }),
      ),
    );
    try {
      expect(textsOf(checkBody('es', (await send(esRequest('other').build())).text) as object)).toEqual([fallback]);
      expect(logger.records).toContainEqual(expect.objectContaining({ level: 'warn', message: expect.stringContaining('intent map has no handler') }));
      expect(textsOf(checkBody('es', (await send(esRequest('broken').build())).text) as object)).toEqual([apology]);
    } finally {
      await stop();
    }
  });

  it('fails the turn (the apology) when the handler throws, or answers around the WebhookClient', async () => {
    const cases: LegacyHandler[] = [
      () => {
        throw new Error('before the client');
      },
      async () => {
        throw new Error('rejected');
      },
      (_request, response) => void response.json({ fulfillmentText: 'by hand' }),
    ];
    for (const handler of cases) {
      const { send, stop, logger } = await serve({}, (app) => compat(app, handler));
      try {
        expect(textsOf(checkBody('es', (await send(esRequest('any').build())).text) as object)).toEqual([apology]);
        expect(logger.records.some((r) => r.level === 'error')).toBe(true);
      } finally {
        await stop();
      }
    }
  });

  it('gives the old handler an Express-like request: the body, the headers', async () => {
    const { send, stop } = await serve({}, (app) =>
      compat(app, (request, response) => {
        const agent = new WebhookClient({ request, response });
        return agent.handleRequest((a) =>
          a.add(`${request.method} ${request.body.queryResult?.queryText} ${request.get('X-Tenant')} ${String(request.headers['x-tenant'])}`),
        );
      }),
    );
    try {
      expect(textsOf(checkBody('es', (await send(esRequest('any').text('hi').build(), { 'x-tenant': 'acme' })).text) as object)).toEqual(['POST hi acme acme']);
    } finally {
      await stop();
    }
  });

  it('takes only the function written for dialogflow-fulfillment', () => {
    expect(() => compat(testApp().app, 'handler' as never)).toThrow(expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }));
  });
});

/** A promise the test opens. */
function gate(): { opened: Promise<void>; open(): void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}
