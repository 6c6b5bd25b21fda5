import { buildDemo, type Demo } from './build-demo.js';
import { DIALECTS, send } from './requests.js';

describe.each(DIALECTS)('order.status (%s)', (dialect) => {
  let demo: Demo;
  beforeEach(() => {
    demo = buildDemo();
  });
  afterEach(() => demo.db.close());

  test("answers with the customer's latest order, its status and expected delivery", async () => {
    const out = await send(demo.app, dialect, { name: 'order.status', params: { customer_id: '12345' } });
    expect(out.status).toBe(200);
    expect(out.text).toContain('A-1003');
    expect(out.text).toContain('preparing for shipment');
    expect(out.text).toContain('2 days');
    expect(out.text).toContain('2026-11-29');
    expect(out.text).not.toContain('A-1002');
  });

  test('keeps the order as last_order and suggests what to ask next, as chips', async () => {
    const out = await send(demo.app, dialect, { name: 'order.status', params: { customer_id: '12345' } });
    expect(out.sessionParams).toMatchObject({ last_order: 'A-1003' });
    const chips =
      dialect === 'cx'
        ? out.cx?.fulfillmentResponse?.messages?.find((m) => m.payload !== undefined)?.payload
        : out.es?.fulfillmentMessages?.find((m) => m.quickReplies !== undefined)?.quickReplies;
    expect(JSON.stringify(chips)).toContain('Return an item');
    const japanese = await send(demo.app, dialect, { name: 'order.status', params: { customer_id: '12345' }, languageCode: 'ja' });
    expect(JSON.stringify(japanese.cx ?? japanese.es)).toContain('商品を返品する');
  });

  test('takes the customer ID as a number too (@sys.number)', async () => {
    const out = await send(demo.app, dialect, { name: 'order.status', params: { customer_id: 12345 } });
    expect(out.text).toContain('A-1003');
  });

  test('answers an unknown customer politely', async () => {
    const out = await send(demo.app, dialect, { name: 'order.status', params: { customer_id: '99999' } });
    expect(out.status).toBe(200);
    expect(out.text).toBe("I couldn't find a customer with ID 99999. Could you check the number?");
  });

  test('asks for a missing customer ID', async () => {
    const out = await send(demo.app, dialect, { name: 'order.status' });
    expect(out.text).toBe('Could you tell me your customer ID?');
    const empty = await send(demo.app, dialect, { name: 'order.status', params: { customer_id: '' } });
    expect(empty.text).toBe('Could you tell me your customer ID?');
  });

  test('says so when the customer has no orders', async () => {
    const out = await send(demo.app, dialect, { name: 'order.status', params: { customer_id: '34567' } });
    expect(out.text).toBe('Ken Sato, you have no orders yet.');
  });

  test('a shipped order of another customer', async () => {
    const out = await send(demo.app, dialect, { name: 'order.status', params: { customer_id: '23456' } });
    expect(out.text).toBe('Your latest order B-2001 is shipped. It is expected to arrive within 1 day (by 2026-11-28).');
  });

  test('a failing database gets the library apology, not an error', async () => {
    demo.db.close();
    const out = await send(demo.app, dialect, { name: 'order.status', params: { customer_id: '12345' } });
    expect(out.status).toBe(200);
    expect(out.text).toBe('Sorry, the system is currently unavailable. Please try again later.');
  });
});
