import { addDays } from '../dates.js';
import type { DemoDatabase } from './open-database.js';

/** Items can be returned within this many days of delivery (the day of delivery + 30, inclusive). */
export const RETURN_WINDOW_DAYS = 30;

export type OrderStatus = 'preparing' | 'shipped' | 'delivered';

export interface Customer {
  id: string;
  name: string;
  nameJa: string;
}

export interface Order {
  number: string;
  orderedOn: string;
  status: OrderStatus;
  expectedOn: string | null;
  deliveredOn: string | null;
}

/** An order as the order lookup tool reads it: whose, when, and its lines. */
export interface OrderDetails extends Order {
  customerId: string;
  items: { sku: string; name: string; quantity: number }[];
}

export interface ReturnableItem {
  /** The order line's id. */
  id: number;
  orderNumber: string;
  sku: string;
  name: string;
  quantity: number;
  /** The last day a return is accepted. */
  returnableUntil: string;
}

export interface CreatedReturn {
  number: string;
  orderNumber: string;
}

export type OrdersRepository = ReturnType<typeof ordersRepository>;

/** Customers, orders and returns. Statements are prepared once; every function is one quick query. */
export function ordersRepository(db: DemoDatabase) {
  const customer = db.prepare<[string], Customer>('SELECT id, name, name_ja AS nameJa FROM customers WHERE id = ?');
  const latestOrder = db.prepare<[string], Order>(
    `SELECT number, ordered_on AS orderedOn, status, expected_on AS expectedOn, delivered_on AS deliveredOn
       FROM orders WHERE customer_id = ? ORDER BY ordered_on DESC, number DESC LIMIT 1`,
  );
  // Lines of delivered orders still inside the window, minus those already returned.
  const returnable = db.prepare<[string, string], Omit<ReturnableItem, 'returnableUntil'> & { deliveredOn: string }>(
    `SELECT i.id, i.order_number AS orderNumber, i.sku, i.name, i.quantity, o.delivered_on AS deliveredOn
       FROM order_items i
       JOIN orders o ON o.number = i.order_number
       LEFT JOIN return_items r ON r.order_item_id = i.id
      WHERE o.customer_id = ? AND o.status = 'delivered' AND o.delivered_on >= ? AND r.order_item_id IS NULL
      ORDER BY o.delivered_on DESC, i.order_number, i.id`,
  );
  const orderByNumber = db.prepare<[string], Order & { customerId: string }>(
    `SELECT number, customer_id AS customerId, ordered_on AS orderedOn, status, expected_on AS expectedOn, delivered_on AS deliveredOn
       FROM orders WHERE number = ?`,
  );
  const orderItems = db.prepare<[string], { sku: string; name: string; quantity: number }>(
    'SELECT sku, name, quantity FROM order_items WHERE order_number = ? ORDER BY id',
  );
  const nextReturnId = db.prepare<[], { next: number }>('SELECT COALESCE(MAX(id), 0) + 1 AS next FROM returns');
  const insertReturn = db.prepare<[number, string, string, string, string]>(
    'INSERT INTO returns (id, number, customer_id, order_number, created_on) VALUES (?, ?, ?, ?, ?)',
  );
  const insertReturnItem = db.prepare<[number, number]>('INSERT INTO return_items (return_id, order_item_id) VALUES (?, ?)');

  const returnableItems = (customerId: string, today: string): ReturnableItem[] =>
    returnable.all(customerId, addDays(today, -RETURN_WINDOW_DAYS)).map(({ deliveredOn, ...item }) => ({
      ...item,
      returnableUntil: addDays(deliveredOn, RETURN_WINDOW_DAYS),
    }));

  // One transaction: the number is taken and the lines are claimed together, or not at all.
  // return_items.order_item_id is UNIQUE, so returning a line twice fails instead of double-counting.
  const createReturn = db.transaction((customerId: string, orderNumber: string, orderItemIds: readonly number[], today: string): CreatedReturn => {
    if (orderItemIds.length === 0) throw new RangeError('a return needs at least one item');
    const stillReturnable = new Set(
      returnableItems(customerId, today)
        .filter((i) => i.orderNumber === orderNumber)
        .map((i) => i.id),
    );
    const missing = orderItemIds.filter((id) => !stillReturnable.has(id));
    if (missing.length > 0) throw new RangeError(`order lines ${missing.join(', ')} of ${orderNumber} cannot be returned`);
    const id = nextReturnId.get()!.next;
    const number = `R-${String(id).padStart(4, '0')}`;
    insertReturn.run(id, number, customerId, orderNumber, today);
    for (const itemId of orderItemIds) insertReturnItem.run(id, itemId);
    return { number, orderNumber };
  });

  return {
    customer: (id: string): Customer | undefined => customer.get(id),
    /** An order by its number, with its lines; undefined when there is no such order. */
    order: (number: string): OrderDetails | undefined => {
      const found = orderByNumber.get(number);
      return found === undefined ? undefined : { ...found, items: orderItems.all(number) };
    },
    /** The customer's most recent order, or undefined when there is none. */
    latestOrder: (customerId: string): Order | undefined => latestOrder.get(customerId),
    /** What the customer can still return, most recent delivery first. */
    returnableItems,
    /** Creates a return of whole order lines and gives it the next number: R-0001, R-0002... */
    createReturn: (customerId: string, orderNumber: string, orderItemIds: readonly number[], today: string): CreatedReturn =>
      createReturn(customerId, orderNumber, orderItemIds, today),
  };
}
