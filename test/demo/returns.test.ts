import { buildDemo, type Demo } from './build-demo.js';
import { DIALECTS, send } from './requests.js';

describe.each(DIALECTS)('return.eligible (%s)', (dialect) => {
  let demo: Demo;
  beforeEach(() => {
    demo = buildDemo();
  });
  afterEach(() => demo.db.close());

  test('lists the items of delivered orders still inside the 30-day window', async () => {
    const out = await send(demo.app, dialect, { name: 'return.eligible', params: { customer_id: '12345' } });
    expect(out.text).toBe(
      'You can still return these items from order A-1002 (until 2026-12-21): Wireless Mouse (MOUSE-200), Keyboard (KB-300) and Mouse Pad (PAD-100).',
    );
    // A-1001 was delivered 40 days ago; A-1003 is not delivered yet.
    expect(out.text).not.toMatch(/A-1001|USB-C|A-1003|Monitor Arm/);
  });

  test('says when nothing can be returned', async () => {
    const out = await send(demo.app, dialect, { name: 'return.eligible', params: { customer_id: '34567' } });
    expect(out.text).toBe('There are no items you can return right now. Returns are accepted within 30 days of delivery.');
  });

  test('answers an unknown customer politely and asks for a missing one', async () => {
    expect((await send(demo.app, dialect, { name: 'return.eligible', params: { customer_id: 99999 } })).text).toContain(
      "I couldn't find a customer with ID 99999",
    );
    expect((await send(demo.app, dialect, { name: 'return.eligible' })).text).toBe('Could you tell me your customer ID?');
  });
});

describe.each(DIALECTS)('return.create (%s)', (dialect) => {
  let demo: Demo;
  beforeEach(() => {
    demo = buildDemo();
  });
  afterEach(() => demo.db.close());

  test('creates a return, says its number and sets return_number', async () => {
    const out = await send(demo.app, dialect, {
      name: 'return.create',
      params: { customer_id: '12345', order_number: 'A-1002', items: ['wireless mouse', 'kb-300'] },
    });
    expect(out.text).toBe(
      "I've created return R-0001 for order A-1002: Wireless Mouse (MOUSE-200) and Keyboard (KB-300). Please keep the return number R-0001.",
    );
    expect(out.sessionParams?.return_number).toBe('R-0001');
    if (dialect === 'es') {
      const context = out.es!.outputContexts!.find((c) => c.name!.endsWith('/contexts/fulfiller_session'))!;
      expect(context.name).toBe('projects/p/agent/sessions/s1/contexts/fulfiller_session');
      expect(context.lifespanCount).toBeGreaterThan(0);
    } else {
      expect(out.cx!.sessionInfo!.parameters!.return_number).toBe('R-0001');
    }

    // Returned items are no longer returnable, and the numbers are sequential.
    const eligible = await send(demo.app, dialect, { name: 'return.eligible', params: { customer_id: '12345' } });
    expect(eligible.text).toContain('Mouse Pad');
    expect(eligible.text).not.toMatch(/Wireless Mouse|Keyboard/);
    const second = await send(demo.app, dialect, {
      name: 'return.create',
      params: { customer_id: '12345', order_number: 'a-1002', items: 'Mouse Pad' },
    });
    expect(second.text).toContain('R-0002');
    expect(second.sessionParams?.return_number).toBe('R-0002');
    const none = await send(demo.app, dialect, { name: 'return.eligible', params: { customer_id: '12345' } });
    expect(none.text).toContain('There are no items you can return right now.');
  });

  test('an item already returned cannot be returned again', async () => {
    const params = { customer_id: '12345', order_number: 'A-1002', items: ['Keyboard'] };
    expect((await send(demo.app, dialect, { name: 'return.create', params })).text).toContain('R-0001');
    const again = await send(demo.app, dialect, { name: 'return.create', params });
    expect(again.text).toBe(
      'I couldn\'t find "Keyboard" among the returnable items of order A-1002. You can return: Wireless Mouse (MOUSE-200) and Mouse Pad (PAD-100).',
    );
    expect(again.sessionParams?.return_number).toBeUndefined();
  });

  test('unknown items are named, with what can be returned instead; nothing is created', async () => {
    const out = await send(demo.app, dialect, {
      name: 'return.create',
      params: { customer_id: '12345', order_number: 'A-1002', items: ['Banana', 'Keyboard'] },
    });
    expect(out.text).toBe(
      'I couldn\'t find "Banana" among the returnable items of order A-1002. You can return: Wireless Mouse (MOUSE-200), Keyboard (KB-300) and Mouse Pad (PAD-100).',
    );
    expect(out.sessionParams?.return_number).toBeUndefined();
    const next = await send(demo.app, dialect, {
      name: 'return.create',
      params: { customer_id: '12345', order_number: 'A-1002', items: ['Keyboard'] },
    });
    expect(next.sessionParams?.return_number).toBe('R-0001');
  });

  test("an order outside the window, not delivered, or not the customer's has nothing to return", async () => {
    for (const orderNumber of ['A-1001', 'A-1003', 'B-2000', 'Z-999']) {
      const out = await send(demo.app, dialect, {
        name: 'return.create',
        params: { customer_id: '12345', order_number: orderNumber, items: ['Phone Case'] },
      });
      expect(out.text).toBe(
        `Order ${orderNumber} has no items that can be returned. You can still return these items from order A-1002 (until 2026-12-21): Wireless Mouse (MOUSE-200), Keyboard (KB-300) and Mouse Pad (PAD-100).`,
      );
      expect(out.sessionParams?.return_number).toBeUndefined();
    }
  });

  test('asks for each missing parameter in turn', async () => {
    expect((await send(demo.app, dialect, { name: 'return.create' })).text).toBe('Could you tell me your customer ID?');
    const order = await send(demo.app, dialect, { name: 'return.create', params: { customer_id: '12345' } });
    expect(order.text).toMatch(/^Which order are the items from\? Please tell me the order number\. You can still return .*A-1002/);
    const items = await send(demo.app, dialect, { name: 'return.create', params: { customer_id: '12345', order_number: 'A-1002' } });
    expect(items.text).toMatch(/^Which items would you like to return\? .*Wireless Mouse/);
    // ES sends an empty list for a list parameter that was not filled.
    const empty = await send(demo.app, dialect, {
      name: 'return.create',
      params: { customer_id: '12345', order_number: 'A-1002', items: [] },
    });
    expect(empty.text).toMatch(/^Which items would you like to return\?/);
  });

  test('answers an unknown customer politely', async () => {
    const out = await send(demo.app, dialect, {
      name: 'return.create',
      params: { customer_id: '99999', order_number: 'A-1002', items: ['Keyboard'] },
    });
    expect(out.text).toContain("I couldn't find a customer with ID 99999");
  });
});
