import type { JsonValue } from '../../src/index.js';
import { buildDemo, type Demo } from './build-demo.js';
import { DIALECTS, send } from './requests.js';

const OCTOBER =
  'In 2026-10, account ACC-1 spent 37,000 yen in total: food 20,000 yen, other 12,000 yen and transportation 5,000 yen. ' +
  'The largest category was food (20,000 yen).';

describe.each(DIALECTS)('spending.summary (%s)', (dialect) => {
  let demo: Demo;
  beforeEach(() => {
    demo = buildDemo();
  });
  afterEach(() => demo.db.close());

  const summary = async (params: Record<string, JsonValue>): Promise<string> => (await send(demo.app, dialect, { name: 'spending.summary', params })).text;

  test('total and per-category spending of a month, largest first', async () => {
    expect(await summary({ account_id: 'ACC-1', month: '2026-10' })).toBe(OCTOBER);
  });

  test('shows the month as a card too', async () => {
    const out = await send(demo.app, dialect, { name: 'spending.summary', params: { account_id: 'ACC-1', month: '2026-10' } });
    const card =
      dialect === 'cx'
        ? out.cx?.fulfillmentResponse?.messages?.find((m) => m.payload !== undefined)?.payload
        : out.es?.fulfillmentMessages?.find((m) => m.card !== undefined)?.card;
    expect(JSON.stringify(card)).toContain('Spending in 2026-10');
    expect(JSON.stringify(card)).toContain('food: 20,000 yen');
  });

  test('the month defaults to the month before today (2026-10)', async () => {
    expect(await summary({ account_id: 'ACC-1' })).toBe(OCTOBER);
    expect(await summary({ account_id: 'ACC-1', month: '' })).toBe(OCTOBER);
  });

  test.each<[string, JsonValue]>([
    ['a date', '2026-10-01'],
    ['a date-time with an offset (not moved to UTC)', '2026-10-01T00:00:00+09:00'],
    ['an ES @sys.date-period', { startDate: '2026-10-01T00:00:00+09:00', endDate: '2026-10-31T23:59:59+09:00' }],
    ['a CX @sys.date-period', { startDate: { year: 2026, month: 10, day: 1 }, endDate: { year: 2026, month: 10, day: 31 } }],
    ['a CX @sys.date', { year: 2026, month: 10, day: 15 }],
  ])('takes the month as %s', async (_, month) => {
    expect(await summary({ account_id: 'ACC-1', month })).toBe(OCTOBER);
  });

  test('other months have other figures', async () => {
    expect(await summary({ account_id: 'ACC-1', month: '2026-09' })).toBe(
      'In 2026-09, account ACC-1 spent 39,500 yen in total: utilities 18,000 yen, food 15,500 yen and transportation 6,000 yen. ' +
        'The largest category was utilities (18,000 yen).',
    );
    expect(await summary({ account_id: 'ACC-1', month: '2026-08' })).toContain('38,000 yen in total');
    expect(await summary({ account_id: 'ACC-1', month: '2026-11' })).toContain('14,500 yen in total');
    expect(await summary({ account_id: 'ACC-2', month: '2026-10' })).toContain('31,000 yen in total');
  });

  test('a month without spending, and a month it cannot read', async () => {
    expect(await summary({ account_id: 'ACC-1', month: '2026-12' })).toBe('Account ACC-1 has no spending recorded in 2026-12.');
    expect(await summary({ account_id: 'ACC-1', month: 'someday' })).toBe("Sorry, I didn't understand which month you mean. Please say it like 2026-10.");
  });

  test('the account ID in any case', async () => {
    expect(await summary({ account_id: 'acc-1', month: '2026-10' })).toBe(OCTOBER);
  });

  test('an unknown account is answered politely, a missing one asked for', async () => {
    expect(await summary({ account_id: 'ACC-999', month: '2026-10' })).toBe("I couldn't find an account with ID ACC-999. Could you check it?");
    expect(await summary({ month: '2026-10' })).toBe('Could you tell me your account ID?');
  });
});
