import type { Database } from 'better-sqlite3';
import { addDays } from '../dates.js';

/**
 * The demo data. Shop and CRM dates are relative to "today", so that whenever the demo runs
 * there is an order on its way, items inside the 30-day return window and recent CRM activity.
 * Spending uses fixed months (2026-08 to 2026-11) because the demo facts name 2026-10; every
 * month has different figures, so an answer for the wrong month is noticed.
 */
export function seed(db: Database, today: string): void {
  const day = (offset: number): string => addDays(today, offset);
  const customer = db.prepare('INSERT INTO customers (id, name, name_ja) VALUES (?, ?, ?)');
  const order = db.prepare('INSERT INTO orders (number, customer_id, ordered_on, status, expected_on, delivered_on) VALUES (?, ?, ?, ?, ?, ?)');
  const item = db.prepare('INSERT INTO order_items (order_number, sku, name, quantity, unit_price) VALUES (?, ?, ?, ?, ?)');
  const account = db.prepare('INSERT INTO accounts (id, owner) VALUES (?, ?)');
  const spend = db.prepare('INSERT INTO transactions (account_id, booked_on, category, amount, description) VALUES (?, ?, ?, ?, ?)');
  const contact = db.prepare('INSERT INTO contacts (id, name, name_ja, full_name, company, company_ja) VALUES (?, ?, ?, ?, ?, ?)');
  const interaction = db.prepare('INSERT INTO interactions (contact_id, kind, occurred_on, subject, subject_ja) VALUES (?, ?, ?, ?, ?)');
  const estimate = db.prepare('INSERT INTO estimates (contact_id, issued_on, amount, title, title_ja) VALUES (?, ?, ?, ?, ?)');

  db.transaction(() => {
    customer.run('12345', 'Hanako Yamada', '山田花子');
    customer.run('23456', 'Taro Suzuki', '鈴木太郎');
    customer.run('34567', 'Ken Sato', '佐藤健'); // no orders yet

    // 12345: one order outside the return window, one inside it, and the latest still in the warehouse.
    order.run('A-1001', '12345', day(-45), 'delivered', day(-41), day(-40));
    item.run('A-1001', 'CBL-USBC', 'USB-C Cable', 2, 1200);
    item.run('A-1001', 'CASE-01', 'Phone Case', 1, 2500);
    order.run('A-1002', '12345', day(-9), 'delivered', day(-6), day(-6));
    item.run('A-1002', 'MOUSE-200', 'Wireless Mouse', 1, 3980);
    item.run('A-1002', 'KB-300', 'Keyboard', 1, 8800);
    item.run('A-1002', 'PAD-100', 'Mouse Pad', 1, 1500);
    order.run('A-1003', '12345', day(-1), 'preparing', day(2), null);
    item.run('A-1003', 'ARM-10', 'Monitor Arm', 1, 6500);
    // 23456: a delivered order and one on its way.
    order.run('B-2000', '23456', day(-20), 'delivered', day(-15), day(-15));
    item.run('B-2000', 'NB-A5', 'Notebook', 3, 300);
    order.run('B-2001', '23456', day(-3), 'shipped', day(1), null);
    item.run('B-2001', 'LAMP-5', 'Desk Lamp', 1, 4200);

    account.run('ACC-1', 'Hanako Yamada');
    account.run('ACC-2', 'Taro Suzuki');
    account.run('ACC-3', 'Ken Sato'); // no transactions
    const acc1: [string, string, number, string][] = [
      // 2026-08: 38,000 (largest: food)
      ['2026-08-03', 'food', 11000, 'Supermarket'],
      ['2026-08-17', 'food', 7000, 'Restaurant'],
      ['2026-08-10', 'transportation', 7000, 'Train pass'],
      ['2026-08-22', 'entertainment', 9000, 'Concert'],
      ['2026-08-28', 'other', 4000, 'Haircut'],
      // 2026-09: 39,500 (largest: utilities); the 30th checks the month's last day
      ['2026-09-05', 'food', 15500, 'Supermarket'],
      ['2026-09-12', 'transportation', 6000, 'Train pass'],
      ['2026-09-30', 'utilities', 18000, 'Electricity and gas'],
      // 2026-10: 37,000 = food 20,000 + other 12,000 + transportation 5,000 (the demo facts)
      ['2026-10-01', 'food', 8000, 'Supermarket'],
      ['2026-10-04', 'transportation', 3000, 'Taxi'],
      ['2026-10-09', 'other', 9000, 'Gift'],
      ['2026-10-15', 'food', 7500, 'Supermarket'],
      ['2026-10-20', 'transportation', 2000, 'Bus'],
      ['2026-10-26', 'other', 3000, 'Books'],
      ['2026-10-31', 'food', 4500, 'Restaurant'],
      // 2026-11: 14,500 so far; the 1st checks the month's first day
      ['2026-11-01', 'food', 9000, 'Supermarket'],
      ['2026-11-06', 'transportation', 3000, 'Train'],
      ['2026-11-14', 'other', 2500, 'Stationery'],
    ];
    for (const [date, category, amount, description] of acc1) spend.run('ACC-1', date, category, amount, description);
    spend.run('ACC-2', '2026-10-10', 'food', 30000, 'Supermarket');
    spend.run('ACC-2', '2026-10-12', 'other', 1000, 'Laundry');

    contact.run(1, 'Tanaka', '田中', 'Ichiro Tanaka', 'Sakura Trading', 'さくら商事');
    contact.run(2, 'Suzuki', '鈴木', 'Jiro Suzuki', 'Aoba Foods', '青葉フーズ');
    const tanaka: [string, number, string, string][] = [
      ['email', -40, 'Company introduction', '会社紹介資料の送付'],
      ['call', -33, 'Requirements hearing', '要件ヒアリング'],
      ['proposal', -30, 'Warehouse system proposal', '倉庫管理システムのご提案'],
      ['email', -18, 'Follow-up on the proposal', 'ご提案のフォローアップ'],
      ['proposal', -10, 'Revised proposal with phase 2', 'フェーズ2を含む改訂版のご提案'],
      ['call', -5, 'Budget review', '予算の確認'],
      ['email', -2, 'Next meeting schedule', '次回打ち合わせの日程'],
    ];
    for (const [kind, offset, subject, subjectJa] of tanaka) interaction.run(1, kind, day(offset), subject, subjectJa);
    interaction.run(2, 'call', day(-7), 'First contact', '初回のご連絡');
    // Inserted out of date order: "latest" must come from the date, not from the row id.
    estimate.run(1, day(-30), 900000, 'Warehouse system, phase 1', '倉庫管理システム フェーズ1');
    estimate.run(1, day(-10), 1200000, 'Warehouse system, phases 1 and 2', '倉庫管理システム フェーズ1・2');
    estimate.run(1, day(-45), 750000, 'Rough estimate', '概算見積');
  })();
}
