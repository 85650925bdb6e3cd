import { chmodSync, closeSync, openSync } from 'node:fs';
import Database from 'better-sqlite3';
import { migrations } from './migrations/index.js';
import { migrate, type Migration } from './migration.js';

export type EngineDb = Database.Database;

export interface OpenEngineDbOptions {
  /** Overridable so the out-of-sync check can be exercised with made-up migration lists. */
  migrations?: readonly Migration[];
}

/** Owner read/write only: the ledger is the user's business and nobody else's on a shared machine. */
export const ENGINE_DB_FILE_MODE = 0o600;

/**
 * Creates the file 0600 before SQLite opens it (SQLite gives its -wal and -shm files the mode of
 * the database file), and narrows a file an older version left readable by others.
 */
function createPrivateFile(filename: string): void {
  closeSync(openSync(filename, 'a', ENGINE_DB_FILE_MODE));
  chmodSync(filename, ENGINE_DB_FILE_MODE);
}

/** Opens (creating if needed) the engine's SQLite database and brings its schema up to date. */
export function openEngineDb(filename: string, options: OpenEngineDbOptions = {}): EngineDb {
  if (filename !== ':memory:') createPrivateFile(filename);
  const db = new Database(filename);
  try {
    if (filename !== ':memory:') {
      // WAL lets report queries read while a voucher is being written. FULL syncs the WAL on every
      // commit: a voucher the engine has acknowledged survives a power cut, so its number is never
      // handed out twice. The cost per commit is in bench/voucher-create.bench.ts and docs/ledger.md.
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
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
