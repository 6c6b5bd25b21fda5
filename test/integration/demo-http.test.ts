import type { Server } from 'node:http';
import demo from '../../demo/app.js';
import { createServer, createFulfiller, type CxWebhookResponse, type EsWebhookResponse, type Fulfiller } from '../../src/index.js';
import { fakeClock } from '../../src/testing/index.js';
import { cxRequest, DIALECTS, esRequest, sessionName, type TurnInput } from '../demo/requests.js';
import { close, listen, post } from '../support/http.js';
import { checkBody, textsOf } from '../support/responses.js';
import type { Dialect } from '../../src/base/dialect.js';

// The demo agent as `npm start` serves it (app module, env, node:http), every tag in both dialects over loopback HTTP.
let app: Fulfiller;
let server: Server;
let url: string;
const clock = fakeClock(); // the report job waits on it, real HTTP does not

beforeAll(async () => {
  app = createFulfiller({ mode: 'test', env: { DEMO_TODAY: '2026-11-27', DEMO_REPORT_MS: '150' }, clock });
  await demo(app);
  server = createServer(app);
  url = `${await listen(server)}/webhook`;
});
afterAll(() => close(server));

async function ask(dialect: Dialect, input: TurnInput): Promise<{ text: string; response: CxWebhookResponse & EsWebhookResponse }> {
  const res = await post(url, dialect === 'cx' ? cxRequest(input) : esRequest(input));
  expect(res.status).toBe(200);
  const response = checkBody(dialect, res.text) as CxWebhookResponse & EsWebhookResponse;
  return { text: textsOf(response).join('\n'), response };
}

const cases: [string, TurnInput, RegExp[]][] = [
  ['order.status', { name: 'order.status', params: { customer_id: 12345 } }, [/A-1003/, /preparing for shipment/, /2 days/]],
  ['order.status, unknown customer', { name: 'order.status', params: { customer_id: '99999' } }, [/couldn't find a customer with ID 99999/]],
  ['order.status, missing id', { name: 'order.status' }, [/customer ID\?/]],
  ['return.eligible', { name: 'return.eligible', params: { customer_id: '12345' } }, [/Mouse Pad/, /A-1002/]],
  [
    'spending.summary',
    { name: 'spending.summary', params: { account_id: 'ACC-1', month: '2026-10' } },
    [/37,000 yen/, /food 20,000 yen/, /transportation 5,000 yen/, /other 12,000 yen/, /largest category was food/],
  ],
  ['spending.summary, default month', { name: 'spending.summary', params: { account_id: 'ACC-1' } }, [/2026-10/, /37,000 yen/]],
  ['crm.interactions', { name: 'crm.interactions', params: { contact_name: 'Tanaka' } }, [/Tanaka/, /email/, /call/, /proposal/]],
  ['crm.next_proposal', { name: 'crm.next_proposal', params: { contact_name: { name: 'Tanaka' } } }, [/1,200,000 yen/]],
  ['customer.validate, known', { name: 'customer.validate', params: { customer_id: '12345' }, form: ['customer_id'] }, [/Hanako Yamada/]],
];

describe.each(DIALECTS)('the demo agent over HTTP (%s)', (dialect) => {
  it.each(cases)('%s', async (_name, input, expected) => {
    const { text } = await ask(dialect, input);
    for (const pattern of expected) expect(text).toMatch(pattern);
  });

  it('return.create creates a return and sets return_number (one item per dialect: they share the database)', async () => {
    const session = `create-${dialect}`;
    const { text, response } = await ask(dialect, {
      name: 'return.create',
      session,
      params: { customer_id: '12345', order_number: 'A-1002', items: [dialect === 'cx' ? 'Wireless Mouse' : 'kb-300'] },
    });
    const number = /R-\d{4}/.exec(text)?.[0];
    expect(number).toBeDefined();
    const params =
      dialect === 'cx'
        ? response.sessionInfo?.parameters
        : response.outputContexts?.find((c) => c.name === `${sessionName('es', session)}/contexts/fulfiller_session`)?.parameters;
    expect(params?.return_number).toBe(number);
  });

  it('customer.validate marks an unknown customer and clears the parameter', async () => {
    const { text, response } = await ask(dialect, { name: 'customer.validate', params: { customer_id: '99999' }, form: ['customer_id'] });
    expect(text).toMatch(/99999/);
    if (dialect === 'cx') {
      expect(response.pageInfo?.formInfo?.parameterInfo?.[0]).toMatchObject({ displayName: 'customer_id', state: 'INVALID' });
      expect(response.sessionInfo?.parameters).toEqual({ customer_id: null });
    }
  });

  it('report.generate answers at once; report.status gives the result on a later turn', async () => {
    const session = `report-${dialect}`;
    const started = clock.now();
    expect((await ask(dialect, { name: 'report.generate', session, params: { account_id: 'ACC-1' } })).text).toBe('Processing. Please wait a moment.');
    expect(clock.now() - started).toBe(0); // answered before the report's 150 ms could pass
    expect((await ask(dialect, { name: 'report.status', session, params: { account_id: 'ACC-1' } })).text).toMatch(/Still working/);
    await clock.advance(150);
    expect((await ask(dialect, { name: 'report.status', session, params: { account_id: 'ACC-1' } })).text).toMatch(/2026-10: 37,000 yen/);
  });
});
