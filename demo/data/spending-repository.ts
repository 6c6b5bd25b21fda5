import type { DemoDatabase } from './open-database.js';

export interface Account {
  id: string;
  owner: string;
}

export interface CategoryTotal {
  category: string;
  total: number;
}

export interface MonthTotal {
  /** `YYYY-MM` */
  month: string;
  total: number;
}

export type SpendingRepository = ReturnType<typeof spendingRepository>;

/** Accounts and their transactions. */
export function spendingRepository(db: DemoDatabase) {
  // NOCASE: "acc-1" said aloud or typed finds ACC-1; the answer then uses the stored spelling.
  const account = db.prepare<[string], Account>('SELECT id, owner FROM accounts WHERE id = ? COLLATE NOCASE');
  // ISO dates sort as text, so "YYYY-MM-01" to "YYYY-MM-31" covers any month and can use the index.
  const byCategory = db.prepare<[string, string, string], CategoryTotal>(
    `SELECT category, SUM(amount) AS total FROM transactions
      WHERE account_id = ? AND booked_on >= ? AND booked_on <= ?
      GROUP BY category ORDER BY total DESC, category`,
  );
  const byMonth = db.prepare<[string], MonthTotal>(
    `SELECT substr(booked_on, 1, 7) AS month, SUM(amount) AS total FROM transactions
      WHERE account_id = ? GROUP BY month ORDER BY month`,
  );

  return {
    account: (id: string): Account | undefined => account.get(id),
    /** Spending of one month (`YYYY-MM`) per category, largest first; empty when nothing was spent. */
    spendingByCategory: (accountId: string, month: string): CategoryTotal[] => byCategory.all(accountId, `${month}-01`, `${month}-31`),
    /** Total spending of every month that has transactions, oldest first. */
    monthlyTotals: (accountId: string): MonthTotal[] => byMonth.all(accountId),
  };
}
