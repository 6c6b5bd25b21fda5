import type { Turn } from 'dialogflow-fulfiller';
import type { Contact } from './data/crm-repository.js';
import type { Customer } from './data/orders-repository.js';
import type { Account } from './data/spending-repository.js';
import type { DemoDeps } from './deps.js';
import { personName } from './params.js';
import { textsFor } from './texts.js';

/**
 * The first step of most demo handlers: read the identifying parameter, ask for it when it is
 * missing, look it up, and answer politely when it does not exist. Undefined means the turn has
 * already been answered.
 */
export function customerOf(turn: Turn, { orders }: DemoDeps): Customer | undefined {
  const t = textsFor(turn.languageCode);
  const id = turn.params.string('customer_id')?.trim();
  if (id === undefined) return void turn.say(t.ask.customer_id);
  const customer = orders.customer(id);
  if (customer === undefined) turn.say(t.unknownCustomer(id));
  return customer;
}

/** Like customerOf, for `account_id`. */
export function accountOf(turn: Turn, { spending }: DemoDeps): Account | undefined {
  const t = textsFor(turn.languageCode);
  const id = turn.params.string('account_id')?.trim();
  if (id === undefined) return void turn.say(t.ask.account_id);
  const account = spending.account(id);
  if (account === undefined) turn.say(t.unknownAccount(id));
  return account;
}

/** Like customerOf, for `contact_name`: text ("Tanaka") or @sys.person ({ "name": "Tanaka" }). */
export function contactOf(turn: Turn, { crm }: DemoDeps): Contact | undefined {
  const t = textsFor(turn.languageCode);
  const name = personName(turn.params.get('contact_name'));
  if (name === undefined) return void turn.say(t.ask.contact_name);
  const contact = crm.findContact(name);
  if (contact === undefined) turn.say(t.unknownContact(name));
  return contact;
}
