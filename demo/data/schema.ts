/**
 * The demo database: a small shop (customers, orders, returns), a household budget (accounts,
 * transactions) and a CRM (contacts, interactions, estimates). Dates are ISO `YYYY-MM-DD` text,
 * which SQLite compares correctly as strings; amounts are whole yen.
 *
 * `IF NOT EXISTS` everywhere, so that opening an existing `DEMO_DB` file is harmless.
 */
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS customers (
  id       TEXT PRIMARY KEY,
  name     TEXT NOT NULL,
  name_ja  TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS orders (
  number        TEXT PRIMARY KEY,
  customer_id   TEXT NOT NULL REFERENCES customers(id),
  ordered_on    TEXT NOT NULL,
  -- preparing | shipped | delivered: the texts say it in the user's language
  status        TEXT NOT NULL CHECK (status IN ('preparing', 'shipped', 'delivered')),
  expected_on   TEXT,
  delivered_on  TEXT,
  CHECK ((status = 'delivered') = (delivered_on IS NOT NULL))
);
CREATE INDEX IF NOT EXISTS orders_by_customer ON orders (customer_id, ordered_on);

CREATE TABLE IF NOT EXISTS order_items (
  id            INTEGER PRIMARY KEY,
  order_number  TEXT NOT NULL REFERENCES orders(number),
  sku           TEXT NOT NULL,
  name          TEXT NOT NULL,
  quantity      INTEGER NOT NULL CHECK (quantity > 0),
  unit_price    INTEGER NOT NULL CHECK (unit_price >= 0)
);
CREATE INDEX IF NOT EXISTS order_items_by_order ON order_items (order_number);

CREATE TABLE IF NOT EXISTS returns (
  id            INTEGER PRIMARY KEY,
  number        TEXT NOT NULL UNIQUE,
  customer_id   TEXT NOT NULL REFERENCES customers(id),
  order_number  TEXT NOT NULL REFERENCES orders(number),
  created_on    TEXT NOT NULL
);

-- An order line is returned whole, and at most once (the UNIQUE makes a double return fail).
CREATE TABLE IF NOT EXISTS return_items (
  return_id      INTEGER NOT NULL REFERENCES returns(id),
  order_item_id  INTEGER NOT NULL UNIQUE REFERENCES order_items(id),
  PRIMARY KEY (return_id, order_item_id)
);

CREATE TABLE IF NOT EXISTS accounts (
  id     TEXT PRIMARY KEY,
  owner  TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS transactions (
  id           INTEGER PRIMARY KEY,
  account_id   TEXT NOT NULL REFERENCES accounts(id),
  booked_on    TEXT NOT NULL,
  category     TEXT NOT NULL,
  amount       INTEGER NOT NULL CHECK (amount > 0),
  description  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS transactions_by_account ON transactions (account_id, booked_on);

CREATE TABLE IF NOT EXISTS contacts (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  name_ja     TEXT NOT NULL,
  full_name   TEXT NOT NULL,
  company     TEXT NOT NULL,
  company_ja  TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS interactions (
  id           INTEGER PRIMARY KEY,
  contact_id   INTEGER NOT NULL REFERENCES contacts(id),
  kind         TEXT NOT NULL CHECK (kind IN ('email', 'call', 'proposal')),
  occurred_on  TEXT NOT NULL,
  subject      TEXT NOT NULL,
  subject_ja   TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS interactions_by_contact ON interactions (contact_id, occurred_on);

CREATE TABLE IF NOT EXISTS estimates (
  id          INTEGER PRIMARY KEY,
  contact_id  INTEGER NOT NULL REFERENCES contacts(id),
  issued_on   TEXT NOT NULL,
  amount      INTEGER NOT NULL CHECK (amount >= 0),
  title       TEXT NOT NULL,
  title_ja    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS estimates_by_contact ON estimates (contact_id, issued_on);
`;
