import { createFulfiller, type Fulfiller } from '../../src/index.js';
import { fakeClock, type FakeClock } from '../../src/testing/index.js';
import { registerDemo } from '../../demo/app.js';
import { fixedToday } from '../../demo/clock.js';
import { openDatabase, type DemoDatabase } from '../../demo/data/open-database.js';

/** The pinned "today" of the demo tests. */
export const TODAY = '2026-11-27';

export interface Demo {
  app: Fulfiller;
  db: DemoDatabase;
  /** The app's clock: reports finish when a test moves it past `reportMs`. */
  clock: FakeClock;
}

/** A fresh demo app on its own in-memory database, with a pinned date, on a fake clock. */
export function buildDemo(options: { reportMs?: number } = {}): Demo {
  const clock = fakeClock();
  const app = createFulfiller({ mode: 'test', env: {}, clock });
  const db = openDatabase({ today: TODAY });
  registerDemo(app, { db, today: fixedToday(TODAY), reportMs: options.reportMs ?? 50 });
  return { app, db, clock };
}
