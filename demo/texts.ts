import type { Card } from 'dialogflow-fulfiller';
import type { Account, MonthTotal, CategoryTotal } from './data/spending-repository.js';
import type { Contact, Estimate, Interaction, InteractionKind } from './data/crm-repository.js';
import type { Customer, Order, OrderStatus, ReturnableItem } from './data/orders-repository.js';
import { RETURN_WINDOW_DAYS } from './data/orders-repository.js';
import { daysBetween } from './dates.js';

/** Parameters the demo asks for when they are missing. */
export type AskedParam = 'customer_id' | 'order_number' | 'items' | 'account_id' | 'contact_name';

/**
 * Everything the demo says, as small template functions, once per language. Handlers decide
 * what to say; these decide how, so a new language is one more object of this type.
 */
export interface Texts {
  ask: Record<AskedParam, string>;
  unknownCustomer(id: string): string;
  unknownAccount(id: string): string;
  unknownContact(name: string): string;

  noOrders(customer: Customer): string;
  orderStatus(order: Order, today: string): string;
  /** Suggestions shown after an order's status: what people usually ask next. */
  orderChips(): string[];

  returnable(items: readonly ReturnableItem[]): string;
  nothingReturnable(): string;
  orderNotReturnable(orderNumber: string, returnable: readonly ReturnableItem[]): string;
  itemsNotFound(orderNumber: string, unknown: readonly string[], returnable: readonly ReturnableItem[]): string;
  returnCreated(returnNumber: string, orderNumber: string, items: readonly ReturnableItem[]): string;

  badMonth(): string;
  spending(account: Account, month: string, categories: readonly CategoryTotal[]): string;
  /** The same month as a card, for channels that show one. */
  spendingCard(account: Account, month: string, categories: readonly CategoryTotal[]): Card;
  noSpending(account: Account, month: string): string;

  interactions(contact: Contact, interactions: readonly Interaction[]): string;
  noInteractions(contact: Contact): string;
  nextProposal(contact: Contact, estimate: Estimate): string;
  noEstimate(contact: Contact): string;

  customerInvalid(id: string): string;
  customerValid(customer: Customer): string;

  reportStarted(): string;
  reportRunning(): string;
  reportReady(account: Account, months: readonly MonthTotal[]): string;
  noReport(account: Account): string;
}

/** Whole numbers with thousands separators, the same on every machine: 1200000 → "1,200,000". */
export function formatNumber(n: number): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(n);
}

/** "a", "a and b", "a, b and c" */
function andList(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** Items grouped by order, each order with the last day of its return window. */
function byOrder(items: readonly ReturnableItem[]): Map<string, ReturnableItem[]> {
  const groups = new Map<string, ReturnableItem[]>();
  for (const item of items) groups.set(item.orderNumber, [...(groups.get(item.orderNumber) ?? []), item]);
  return groups;
}

const itemLabel = (item: ReturnableItem): string => `${item.name}${item.quantity > 1 ? ` ×${item.quantity}` : ''} (${item.sku})`;

const yen = (n: number): string => `${formatNumber(n)} yen`;
const plural = (n: number, word: string): string => (n === 0 ? `no ${word}s` : n === 1 ? `1 ${word}` : `${n} ${word}s`);
const ORDER_STATUS_EN: Record<OrderStatus, string> = { preparing: 'preparing for shipment', shipped: 'shipped', delivered: 'delivered' };
const KIND_EN: Record<InteractionKind, string> = { email: 'an email', call: 'a call', proposal: 'a proposal' };

const en: Texts = {
  ask: {
    customer_id: 'Could you tell me your customer ID?',
    order_number: 'Which order are the items from? Please tell me the order number.',
    items: 'Which items would you like to return?',
    account_id: 'Could you tell me your account ID?',
    contact_name: 'Which contact do you mean? Please tell me their name.',
  },
  unknownCustomer: (id) => `I couldn't find a customer with ID ${id}. Could you check the number?`,
  unknownAccount: (id) => `I couldn't find an account with ID ${id}. Could you check it?`,
  unknownContact: (name) => `I couldn't find a contact named ${name}. Could you check the name?`,

  noOrders: (customer) => `${customer.name}, you have no orders yet.`,
  orderStatus: (order, today) => {
    if (order.status === 'delivered') return `Your latest order ${order.number} was delivered on ${order.deliveredOn}.`;
    const first = `Your latest order ${order.number} is ${ORDER_STATUS_EN[order.status]}.`;
    if (order.expectedOn === null) return first;
    const days = daysBetween(today, order.expectedOn);
    if (days < 0) return `${first} It was expected on ${order.expectedOn}; sorry for the delay.`;
    if (days === 0) return `${first} It is expected to arrive today.`;
    return `${first} It is expected to arrive within ${days === 1 ? '1 day' : `${days} days`} (by ${order.expectedOn}).`;
  },
  orderChips: () => ['Return an item', 'Check another order'],

  returnable: (items) => {
    const orders = [...byOrder(items)].map(([number, lines]) => `from order ${number} (until ${lines[0]!.returnableUntil}): ${andList(lines.map(itemLabel))}`);
    return `You can still return these items ${orders.join('; ')}.`;
  },
  nothingReturnable: () => `There are no items you can return right now. Returns are accepted within ${RETURN_WINDOW_DAYS} days of delivery.`,
  orderNotReturnable: (orderNumber, returnable) =>
    `Order ${orderNumber} has no items that can be returned. ${returnable.length > 0 ? en.returnable(returnable) : en.nothingReturnable()}`,
  itemsNotFound: (orderNumber, unknown, returnable) =>
    `I couldn't find ${andList(unknown.map((u) => `"${u}"`))} among the returnable items of order ${orderNumber}. ` +
    `You can return: ${andList(returnable.map(itemLabel))}.`,
  returnCreated: (returnNumber, orderNumber, items) =>
    `I've created return ${returnNumber} for order ${orderNumber}: ${andList(items.map(itemLabel))}. Please keep the return number ${returnNumber}.`,

  badMonth: () => `Sorry, I didn't understand which month you mean. Please say it like 2026-10.`,
  spending: (account, month, categories) => {
    const total = categories.reduce((sum, c) => sum + c.total, 0);
    const top = categories[0]!;
    return (
      `In ${month}, account ${account.id} spent ${yen(total)} in total: ${andList(categories.map((c) => `${c.category} ${yen(c.total)}`))}. ` +
      `The largest category was ${top.category} (${yen(top.total)}).`
    );
  },
  spendingCard: (account, month, categories) => ({
    title: `Spending in ${month}`,
    subtitle: `Account ${account.id}: ${yen(categories.reduce((sum, c) => sum + c.total, 0))} in total`,
    text: categories.map((c) => `${c.category}: ${yen(c.total)}`).join('\n'),
  }),
  noSpending: (account, month) => `Account ${account.id} has no spending recorded in ${month}.`,

  interactions: (contact, list) => {
    const count = (kind: InteractionKind): number => list.filter((i) => i.kind === kind).length;
    const latest = list[0]!;
    return (
      `You've had ${plural(list.length, 'interaction')} with ${contact.fullName} (${contact.company}): ` +
      `${plural(count('email'), 'email')}, ${plural(count('call'), 'call')} and ${plural(count('proposal'), 'proposal')}. ` +
      `The latest was ${KIND_EN[latest.kind]} on ${latest.occurredOn}: "${latest.subject}".`
    );
  },
  noInteractions: (contact) => `There are no interactions with ${contact.fullName} (${contact.company}) yet.`,
  nextProposal: (contact, estimate) =>
    `The latest estimate for ${contact.fullName} (${contact.company}) is ${yen(estimate.amount)}: "${estimate.title}", sent on ${estimate.issuedOn}.`,
  noEstimate: (contact) => `There is no estimate for ${contact.fullName} (${contact.company}) yet.`,

  customerInvalid: (id) => `I couldn't find a customer with ID ${id}. Could you tell me your customer ID again?`,
  customerValid: (customer) => `Thanks, ${customer.name}.`,

  reportStarted: () => 'Processing. Please wait a moment.',
  reportRunning: () => 'Still working on the report. Please ask again in a moment.',
  reportReady: (account, months) =>
    months.length === 0
      ? `Your report for ${account.id} is ready: there is no spending recorded yet.`
      : `Your report for ${account.id} is ready. Monthly spending: ${months.map((m) => `${m.month}: ${yen(m.total)}`).join('; ')}.`,
  noReport: (account) => `There is no report for ${account.id} yet. Ask me to create a report first.`,
};

const jaYen = (n: number): string => `${formatNumber(n)}円`;
const ORDER_STATUS_JA: Record<OrderStatus, string> = { preparing: '発送準備中', shipped: '発送済み', delivered: 'お届け済み' };
const KIND_JA: Record<InteractionKind, string> = { email: 'メール', call: '電話', proposal: '提案' };
const CATEGORY_JA: Record<string, string> = {
  food: '食費',
  transportation: '交通費',
  utilities: '光熱費',
  entertainment: '娯楽',
  other: 'その他',
};
const categoryJa = (category: string): string => CATEGORY_JA[category] ?? category;
const itemsJa = (items: readonly ReturnableItem[]): string => items.map(itemLabel).join('、');

const ja: Texts = {
  ask: {
    customer_id: 'お客様IDを教えていただけますか?',
    order_number: 'どのご注文の商品ですか?注文番号を教えてください。',
    items: '返品する商品を教えていただけますか?',
    account_id: '口座IDを教えていただけますか?',
    contact_name: 'どちらのご担当者様ですか?お名前を教えてください。',
  },
  unknownCustomer: (id) => `お客様ID ${id} のお客様が見つかりませんでした。番号をご確認いただけますか?`,
  unknownAccount: (id) => `口座ID ${id} が見つかりませんでした。ご確認いただけますか?`,
  unknownContact: (name) => `${name}というご担当者様が見つかりませんでした。お名前をご確認いただけますか?`,

  noOrders: (customer) => `${customer.nameJa}様のご注文はまだありません。`,
  orderStatus: (order, today) => {
    if (order.status === 'delivered') return `最新のご注文${order.number}は${order.deliveredOn}にお届け済みです。`;
    const first = `最新のご注文${order.number}は${ORDER_STATUS_JA[order.status]}です。`;
    if (order.expectedOn === null) return first;
    const days = daysBetween(today, order.expectedOn);
    if (days < 0) return `${first}${order.expectedOn}にお届けの予定でしたが、遅れております。申し訳ございません。`;
    if (days === 0) return `${first}本日お届けの予定です。`;
    return `${first}${days}日以内(${order.expectedOn}まで)にお届けの予定です。`;
  },
  orderChips: () => ['商品を返品する', '別の注文を確認する'],

  returnable: (items) => {
    const orders = [...byOrder(items)].map(([number, lines]) => `ご注文${number}(${lines[0]!.returnableUntil}まで): ${itemsJa(lines)}`);
    return `返品できる商品は次のとおりです。${orders.join('。')}。`;
  },
  nothingReturnable: () => `現在返品できる商品はありません。返品はお届けから${RETURN_WINDOW_DAYS}日以内に承っています。`,
  orderNotReturnable: (orderNumber, returnable) =>
    `ご注文${orderNumber}には返品できる商品がありません。${returnable.length > 0 ? ja.returnable(returnable) : ja.nothingReturnable()}`,
  itemsNotFound: (orderNumber, unknown, returnable) =>
    `ご注文${orderNumber}の返品できる商品に${unknown.map((u) => `「${u}」`).join('、')}が見つかりませんでした。返品できる商品: ${itemsJa(returnable)}。`,
  returnCreated: (returnNumber, orderNumber, items) => `ご注文${orderNumber}の返品を受け付けました(${itemsJa(items)})。返品番号は${returnNumber}です。`,

  badMonth: () => 'どの月のことか分かりませんでした。2026-10 のようにお伝えください。',
  spending: (account, month, categories) => {
    const total = categories.reduce((sum, c) => sum + c.total, 0);
    const top = categories[0]!;
    return (
      `${month}の${account.id}の支出は合計${jaYen(total)}です。内訳は${categories.map((c) => `${categoryJa(c.category)} ${jaYen(c.total)}`).join('、')}です。` +
      `最も多かったのは${categoryJa(top.category)}(${jaYen(top.total)})です。`
    );
  },
  spendingCard: (account, month, categories) => ({
    title: `${month}の支出`,
    subtitle: `口座 ${account.id}・合計${jaYen(categories.reduce((sum, c) => sum + c.total, 0))}`,
    text: categories.map((c) => `${categoryJa(c.category)}: ${jaYen(c.total)}`).join('\n'),
  }),
  noSpending: (account, month) => `${month}の${account.id}の支出はありません。`,

  interactions: (contact, list) => {
    const count = (kind: InteractionKind): number => list.filter((i) => i.kind === kind).length;
    const latest = list[0]!;
    return (
      `${contact.nameJa}様(${contact.companyJa})とのやり取りは${list.length}件です` +
      `(メール${count('email')}件、電話${count('call')}件、提案${count('proposal')}件)。` +
      `最新は${latest.occurredOn}の${KIND_JA[latest.kind]}「${latest.subjectJa}」です。`
    );
  },
  noInteractions: (contact) => `${contact.nameJa}様(${contact.companyJa})とのやり取りはまだありません。`,
  nextProposal: (contact, estimate) =>
    `${contact.nameJa}様(${contact.companyJa})への最新のお見積りは${jaYen(estimate.amount)}です(「${estimate.titleJa}」、${estimate.issuedOn}送付)。`,
  noEstimate: (contact) => `${contact.nameJa}様(${contact.companyJa})へのお見積りはまだありません。`,

  customerInvalid: (id) => `お客様ID ${id} のお客様が見つかりませんでした。もう一度お客様IDを教えていただけますか?`,
  customerValid: (customer) => `${customer.nameJa}様、ありがとうございます。`,

  reportStarted: () => '処理中です。少々お待ちください。',
  reportRunning: () => 'レポートを作成中です。少し経ってからもう一度お尋ねください。',
  reportReady: (account, months) =>
    months.length === 0
      ? `${account.id}のレポートができました。支出の記録はまだありません。`
      : `${account.id}のレポートができました。月別の支出: ${months.map((m) => `${m.month}: ${jaYen(m.total)}`).join('、')}。`,
  noReport: (account) => `${account.id}のレポートはまだありません。先にレポートの作成をお申し付けください。`,
};

/** The texts for a conversation's language: Japanese for `ja`, `ja-JP`...; English otherwise. */
export function textsFor(languageCode: string): Texts {
  return languageCode.toLowerCase().startsWith('ja') ? ja : en;
}
