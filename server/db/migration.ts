import { z } from 'zod';
import type { EngineDb } from './engine-db.js';
import { isoTimestamp } from './timestamps.js';

export interface Migration {
  /** `YYYYMMDDHHMMSS_name`: the timestamp keeps the order obvious when branches add migrations. */
  id: string;
  sql: string;
  /** Data work SQL cannot do (e.g. backfilling figures computed in TypeScript), in the same transaction. */
  run?: (db: EngineDb) => void;
}

export class MigrationsOutOfSyncError extends Error {
  constructor(detail: string) {
    super(`数据库迁移记录与引擎不一致（out-of-sync migrations）：${detail}`);
    this.name = 'MigrationsOutOfSyncError';
  }
}

const appliedRowSchema = z.object({ id: z.string(), applied_at: z.string() });

export function appliedMigrationIds(db: EngineDb): string[] {
  const rows = db.prepare('SELECT id, applied_at FROM schema_migrations ORDER BY rowid').all();
  return z
    .array(appliedRowSchema)
    .parse(rows)
    .map((row) => row.id);
}

/**
 * Refuses a database whose applied migrations are not a prefix of the known list: one written by
 * a newer engine, or by a branch whose migrations were since renamed, would otherwise be migrated
 * on top of a schema nobody can vouch for.
 */
export function assertMigrationsInSync(applied: readonly string[], known: readonly Migration[]): void {
  applied.forEach((id, index) => {
    const expected = known[index];
    if (!expected) throw new MigrationsOutOfSyncError(`数据库中有引擎不认识的迁移 ${id}`);
    if (expected.id !== id) {
      throw new MigrationsOutOfSyncError(`第 ${index + 1} 个迁移应为 ${expected.id}，数据库中却是 ${id}`);
    }
  });
}

export function migrate(db: EngineDb, known: readonly Migration[]): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL) STRICT',
  );
  const applied = appliedMigrationIds(db);
  assertMigrationsInSync(applied, known);
  const record = db.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)');
  for (const migration of known.slice(applied.length)) {
    db.transaction(() => {
      db.exec(migration.sql);
      migration.run?.(db);
      record.run(migration.id, isoTimestamp());
    })();
  }
}
