import { buildDemo, type Demo } from './build-demo.js';
import { DIALECTS, send } from './requests.js';

describe('customer.validate (cx)', () => {
  let demo: Demo;
  beforeEach(() => {
    demo = buildDemo();
  });
  afterEach(() => demo.db.close());

  test('an unknown customer: the form parameter is marked INVALID and cleared, with a message', async () => {
    const out = await send(demo.app, 'cx', { name: 'customer.validate', params: { customer_id: '99999' }, form: ['customer_id'] });
    expect(out.status).toBe(200);
    expect(out.text).toBe("I couldn't find a customer with ID 99999. Could you tell me your customer ID again?");
    const info = out.cx!.pageInfo!.formInfo!.parameterInfo!;
    expect(info).toHaveLength(1);
    expect(info[0]).toMatchObject({ displayName: 'customer_id', state: 'INVALID' });
    expect(info[0]!.value).toBeUndefined();
    expect(out.cx!.sessionInfo!.parameters!.customer_id).toBeNull();
  });

  test('called from a page without that form parameter: only the session value is cleared', async () => {
    const out = await send(demo.app, 'cx', { name: 'customer.validate', params: { customer_id: 99999 } });
    expect(out.text).toContain("I couldn't find a customer with ID 99999");
    expect(out.cx!.pageInfo).toBeUndefined();
    expect(out.cx!.sessionInfo!.parameters!.customer_id).toBeNull();
  });

  test('a known customer is confirmed by name and left as it is', async () => {
    const out = await send(demo.app, 'cx', { name: 'customer.validate', params: { customer_id: '12345' }, form: ['customer_id'] });
    expect(out.text).toBe('Thanks, Hanako Yamada.');
    expect(out.cx!.pageInfo).toBeUndefined();
    expect(out.cx!.sessionInfo).toBeUndefined();
  });
});

describe('customer.validate (es)', () => {
  let demo: Demo;
  beforeEach(() => {
    demo = buildDemo();
  });
  afterEach(() => demo.db.close());

  test('an unknown customer: a message, and the parameter leaves the session', async () => {
    const out = await send(demo.app, 'es', {
      name: 'customer.validate',
      params: { customer_id: '99999' },
      sessionContext: { customer_id: '99999', channel: 'web' },
    });
    expect(out.text).toBe("I couldn't find a customer with ID 99999. Could you tell me your customer ID again?");
    expect(out.sessionParams).toEqual({ channel: 'web' });
  });

  test('a known customer is confirmed by name', async () => {
    const out = await send(demo.app, 'es', { name: 'customer.validate', params: { customer_id: 12345 } });
    expect(out.text).toBe('Thanks, Hanako Yamada.');
  });
});

describe.each(DIALECTS)('customer.validate (%s): missing parameter', (dialect) => {
  test('is asked for', async () => {
    const demo = buildDemo();
    try {
      const out = await send(demo.app, dialect, { name: 'customer.validate', form: ['customer_id'] });
      expect(out.text).toBe('Could you tell me your customer ID?');
    } finally {
      demo.db.close();
    }
  });
});
