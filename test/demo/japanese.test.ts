import { buildDemo, type Demo } from './build-demo.js';
import { DIALECTS, send } from './requests.js';

describe.each(DIALECTS)('Japanese answers (%s)', (dialect) => {
  let demo: Demo;
  beforeEach(() => {
    demo = buildDemo({ reportMs: 10 });
  });
  afterEach(() => demo.db.close());

  test('order.status', async () => {
    const out = await send(demo.app, dialect, { name: 'order.status', params: { customer_id: '12345' }, languageCode: 'ja' });
    expect(out.text).toBe('最新のご注文A-1003は発送準備中です。2日以内(2026-11-29まで)にお届けの予定です。');
  });

  test('missing and unknown parameters, with a regional code (ja-JP)', async () => {
    expect((await send(demo.app, dialect, { name: 'order.status', languageCode: 'ja-JP' })).text).toBe('お客様IDを教えていただけますか?');
    expect((await send(demo.app, dialect, { name: 'order.status', params: { customer_id: '99999' }, languageCode: 'ja' })).text).toBe(
      'お客様ID 99999 のお客様が見つかりませんでした。番号をご確認いただけますか?',
    );
  });

  test('return.eligible and return.create', async () => {
    const eligible = await send(demo.app, dialect, { name: 'return.eligible', params: { customer_id: '12345' }, languageCode: 'ja' });
    expect(eligible.text).toBe(
      '返品できる商品は次のとおりです。ご注文A-1002(2026-12-21まで): Wireless Mouse (MOUSE-200)、Keyboard (KB-300)、Mouse Pad (PAD-100)。',
    );
    const created = await send(demo.app, dialect, {
      name: 'return.create',
      params: { customer_id: '12345', order_number: 'A-1002', items: ['Keyboard'] },
      languageCode: 'ja',
    });
    expect(created.text).toBe('ご注文A-1002の返品を受け付けました(Keyboard (KB-300))。返品番号はR-0001です。');
    expect(created.sessionParams?.return_number).toBe('R-0001');
  });

  test('spending.summary', async () => {
    const out = await send(demo.app, dialect, { name: 'spending.summary', params: { account_id: 'ACC-1', month: '2026-10' }, languageCode: 'ja' });
    expect(out.text).toBe(
      '2026-10のACC-1の支出は合計37,000円です。内訳は食費 20,000円、その他 12,000円、交通費 5,000円です。最も多かったのは食費(20,000円)です。',
    );
  });

  test('crm.interactions and crm.next_proposal', async () => {
    const interactions = await send(demo.app, dialect, { name: 'crm.interactions', params: { contact_name: '田中' }, languageCode: 'ja' });
    expect(interactions.text).toBe(
      '田中様(さくら商事)とのやり取りは7件です(メール3件、電話2件、提案2件)。最新は2026-11-25のメール「次回打ち合わせの日程」です。',
    );
    const proposal = await send(demo.app, dialect, { name: 'crm.next_proposal', params: { contact_name: 'Tanaka' }, languageCode: 'ja' });
    expect(proposal.text).toBe('田中様(さくら商事)への最新のお見積りは1,200,000円です(「倉庫管理システム フェーズ1・2」、2026-11-17送付)。');
  });

  test('customer.validate', async () => {
    const known = await send(demo.app, dialect, { name: 'customer.validate', params: { customer_id: '12345' }, languageCode: 'ja' });
    expect(known.text).toBe('山田花子様、ありがとうございます。');
    const unknown = await send(demo.app, dialect, { name: 'customer.validate', params: { customer_id: '99999' }, languageCode: 'ja' });
    expect(unknown.text).toBe('お客様ID 99999 のお客様が見つかりませんでした。もう一度お客様IDを教えていただけますか?');
  });

  test('report.generate and report.status', async () => {
    const generate = await send(demo.app, dialect, { name: 'report.generate', params: { account_id: 'ACC-1' }, languageCode: 'ja' });
    expect(generate.text).toBe('処理中です。少々お待ちください。');
    let status = '';
    for (let i = 0; i < 100; i++) {
      status = (await send(demo.app, dialect, { name: 'report.status', params: { account_id: 'ACC-1' }, languageCode: 'ja' })).text;
      if (!status.startsWith('レポートを作成中')) break;
      await demo.clock.advance(20);
    }
    expect(status).toBe('ACC-1のレポートができました。月別の支出: 2026-08: 38,000円、2026-09: 39,500円、2026-10: 37,000円、2026-11: 14,500円。');
  });
});
