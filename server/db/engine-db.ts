import Database from 'better-sqlite3';
import { migrations } from './migrations/index.js';
import { migrate, type Migration } from './migration.js';

export type EngineDb = Database.Database;

export interface OpenEngineDbOptions {
  /** Overridable so the out-of-sync check can be exercised with made-up migration lists. */
  migrations?: readonly Migration[];
}

/** Opens (creating if needed) the engine's SQLite database and brings its schema up to date. */
export function openEngineDb(filename: string, options: OpenEngineDbOptions = {}): EngineDb {
  const db = new Database(filename);
  try {
    if (filename !== ':memory:') {
      // WAL lets report queries read while a voucher is being written. NORMAL syncs at checkpoints
      // rather than on every commit: a power cut may lose the last commits but never corrupts the
      // file, and a commit then costs microseconds instead of an fsync.
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, options.migrations ?? migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
