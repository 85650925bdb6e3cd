import { existsSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { AppLogger } from '../../logging/logger.js';
import { CacheOutOfSyncError, migrateCache, type CacheMigration } from './cache-migrations.js';
import { cacheMigrations } from './migrations/index.js';
import { readOutboxCarryOver, writeOutboxCarryOver } from './outbox-carry-over.js';

export type CacheDatabase = Database.Database;

export const CACHE_DB_FILENAME = 'cache.db';

export interface OpenCacheDbOptions {
  /** `<userData>/cache.db` */
  file: string;
  /**
   * Path of a better-sqlite3 addon built for this runtime's ABI. node_modules holds the Node build
   * (tests, browser mode); an Electron main process needs an Electron build (docs/decisions.md).
   */
  nativeBinding?: string;
  logger: AppLogger;
  /** Overridable so the out-of-sync check can be exercised. */
  migrations?: readonly CacheMigration[];
}

export interface OpenedCacheDb {
  db: CacheDatabase;
  /** Set when the file could not be used as it was and was rebuilt. */
  rebuilt?: { reason: 'corrupt' | 'out-of-sync'; movedAsideTo?: string };
}

/**
 * Opens the cache: WAL, migrations checked and applied. A cache can always be fetched again, so a
 * file that is not a database (or is damaged) is moved aside as `cache.db.corrupt-<time>` and a new
 * one built, and a file whose migrations do not match ours is rebuilt — in both cases carrying over
 * the writes still waiting in the outbox when they can be read. Never a crash at start-up for that.
 * Other failures (the native module cannot load, no permission) are thrown for the caller to handle.
 */
export function openCacheDb(options: OpenCacheDbOptions): OpenedCacheDb {
  try {
    return { db: openAndMigrate(options) };
  } catch (error) {
    if (error instanceof CacheOutOfSyncError) {
      const carried = readOutboxCarryOver(options.file, options.nativeBinding);
      removeDatabaseFiles(options.file);
      const db = openAndMigrate(options);
      writeOutboxCarryOver(db, carried);
      options.logger.warn(
        { reason: error.message, carriedOutboxItems: carried.length },
        'cache database rebuilt: migrations out of sync',
      );
      return { db, rebuilt: { reason: 'out-of-sync' } };
    }
    if (isCorruption(error)) {
      const movedAsideTo = moveAside(options.file);
      const db = openAndMigrate(options);
      options.logger.warn({ movedAsideTo }, 'cache database was not readable; moved aside and rebuilt');
      return { db, rebuilt: { reason: 'corrupt', movedAsideTo } };
    }
    throw error;
  }
}

function openAndMigrate(options: OpenCacheDbOptions): CacheDatabase {
  const db = new Database(
    options.file,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  );
  try {
    // WAL: a report can be read while a fresh copy is written. FULL: the outbox holds user writes.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    migrateCache(db, options.migrations ?? cacheMigrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function isCorruption(error: unknown): boolean {
  return error instanceof Database.SqliteError && /^SQLITE_(NOTADB|CORRUPT)/.test(error.code);
}

const SIDE_FILES = ['', '-wal', '-shm', '-journal'] as const;

/** The damaged file and its WAL/SHM go aside together: a stale WAL next to a new file would be replayed. */
function moveAside(file: string): string {
  const target = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of SIDE_FILES) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  }
  return target;
}

function removeDatabaseFiles(file: string): void {
  for (const suffix of SIDE_FILES) rmSync(file + suffix, { force: true });
}
