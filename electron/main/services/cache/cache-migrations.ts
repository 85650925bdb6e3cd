import type Database from 'better-sqlite3';
import { z } from 'zod';

export interface CacheMigration {
  /** `YYYYMMDDHHMMSS_name`, recorded in `cache_migrations` once applied. */
  id: string;
  sql: string;
}

/** The file's applied migrations are not a prefix of ours (a newer app wrote it, or history changed). */
export class CacheOutOfSyncError extends Error {
  constructor(detail: string) {
    super(`缓存数据库的迁移记录与应用不一致（out-of-sync migrations）：${detail}`);
    this.name = 'CacheOutOfSyncError';
  }
}

const appliedRowSchema = z.object({ id: z.string(), applied_at: z.string() });

export function appliedCacheMigrations(db: Database.Database): string[] {
  const rows = db.prepare('SELECT id, applied_at FROM cache_migrations ORDER BY rowid').all();
  return z
    .array(appliedRowSchema)
    .parse(rows)
    .map((row) => row.id);
}

export function assertCacheMigrationsInSync(
  applied: readonly string[],
  known: readonly CacheMigration[],
): void {
  applied.forEach((id, index) => {
    const expected = known[index];
    if (!expected) throw new CacheOutOfSyncError(`文件中有应用不认识的迁移 ${id}`);
    if (expected.id !== id) {
      throw new CacheOutOfSyncError(`第 ${String(index + 1)} 个迁移应为 ${expected.id}，文件中却是 ${id}`);
    }
  });
}

/** Applies the missing migrations, each in its own transaction, after checking the recorded ones. */
export function migrateCache(db: Database.Database, known: readonly CacheMigration[]): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS cache_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL) STRICT',
  );
  const applied = appliedCacheMigrations(db);
  assertCacheMigrationsInSync(applied, known);
  const record = db.prepare('INSERT INTO cache_migrations (id, applied_at) VALUES (?, ?)');
  for (const migration of known.slice(applied.length)) {
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.id, new Date().toISOString());
    })();
  }
}
