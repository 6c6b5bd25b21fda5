import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFulfiller } from '../../src/index.js';
import demo from '../../demo/app.js';
import { DEMO_USE_CASES, send } from './requests.js';

describe('the demo app module (default export)', () => {
  test('reads DEMO_TODAY and DEMO_REPORT_MS from the environment the app was created with', async () => {
    const app = createFulfiller({ mode: 'test', env: { DEMO_TODAY: '2026-11-27', DEMO_REPORT_MS: '1' } });
    demo(app);
    expect((await send(app, 'cx', { name: 'order.status', params: { customer_id: '12345' } })).text).toBe(
      'Your latest order A-1003 is preparing for shipment. It is expected to arrive within 2 days (by 2026-11-29).',
    );
    expect((await send(app, 'es', { name: 'spending.summary', params: { account_id: 'ACC-1' } })).text).toContain('37,000 yen');
  });

  test('registers every use case for both dialects', async () => {
    const app = createFulfiller({ mode: 'test', env: { DEMO_TODAY: '2026-11-27' } });
    demo(app);
    for (const name of DEMO_USE_CASES) {
      for (const dialect of ['cx', 'es'] as const) {
        const out = await send(app, dialect, { name });
        expect(out.status).toBe(200);
        expect(out.text).toMatch(/^(Could you tell me|Which contact)/); // asked for its parameter: no fallback
      }
    }
  });

  test('rejects a malformed DEMO_TODAY or DEMO_REPORT_MS at start', () => {
    expect(() => demo(createFulfiller({ mode: 'test', env: { DEMO_TODAY: '27/11/2026' } }))).toThrow(/DEMO_TODAY/);
    expect(() => demo(createFulfiller({ mode: 'test', env: { DEMO_TODAY: '2026-11-27', DEMO_REPORT_MS: 'soon' } }))).toThrow(/DEMO_REPORT_MS/);
  });

  test('DEMO_DB keeps the data in a file across restarts (seeded once)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'demo-db-'));
    try {
      const env = { DEMO_TODAY: '2026-11-27', DEMO_DB: join(dir, 'demo.sqlite') };
      const params = { customer_id: '12345', order_number: 'A-1002', items: ['Keyboard'] };
      const first = createFulfiller({ mode: 'test', env });
      demo(first);
      expect((await send(first, 'cx', { name: 'return.create', params })).sessionParams?.return_number).toBe('R-0001');
      const second = createFulfiller({ mode: 'test', env });
      demo(second);
      const next = await send(second, 'es', { name: 'return.create', params: { ...params, items: ['Mouse Pad'] } });
      expect(next.sessionParams?.return_number).toBe('R-0002');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
