import { createFulfiller, type Fulfiller } from '../../src/index.js';
import { registerDemo } from '../../demo/app.js';
import { fixedToday } from '../../demo/clock.js';
import { openDatabase, type DemoDatabase } from '../../demo/data/open-database.js';

/** The pinned "today" of the demo tests. */
export const TODAY = '2026-11-27';

export interface Demo {
  app: Fulfiller;
  db: DemoDatabase;
}

/** A fresh demo app on its own in-memory database, with a pinned date and fast reports. */
export function buildDemo(options: { reportMs?: number } = {}): Demo {
  const app = createFulfiller({ mode: 'test', env: {} });
  const db = openDatabase({ today: TODAY });
  registerDemo(app, { db, today: fixedToday(TODAY), reportMs: options.reportMs ?? 50 });
  return { app, db };
}
