import Database from 'better-sqlite3';
import { SCHEMA } from './schema.js';
import { seed } from './seed.js';

/** An open demo database (better-sqlite3 is synchronous: each call is one quick local query). */
export type DemoDatabase = Database.Database;

export interface OpenDatabaseOptions {
  /** A file path, or `:memory:` (the default): a fresh database for each process. */
  path?: string;
  /** The day the relative demo dates are counted from (`YYYY-MM-DD`). */
  today: string;
}

/**
 * Opens the demo database, creates the tables and seeds them when they are empty. A file given
 * with `DEMO_DB` keeps its data (returns made in the demo survive a restart); delete the file
 * to seed again around a new "today".
 */
export function openDatabase({ path = ':memory:', today }: OpenDatabaseOptions): DemoDatabase {
  const db = new Database(path);
  try {
    db.pragma('foreign_keys = ON');
    if (path !== ':memory:') db.pragma('journal_mode = WAL'); // readers don't wait for a writer
    db.exec(SCHEMA);
    const { n } = db.prepare('SELECT COUNT(*) AS n FROM customers').get() as { n: number };
    if (n === 0) seed(db, today);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
