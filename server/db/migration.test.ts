import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEngineDb } from './engine-db.js';
import { appliedMigrationIds, MigrationsOutOfSyncError, type Migration } from './migration.js';
import { migrations } from './migrations/index.js';

const first: Migration = { id: '20250101000000_first', sql: 'CREATE TABLE first (id INTEGER PRIMARY KEY);' };
const second: Migration = {
  id: '20250102000000_second',
  sql: 'CREATE TABLE second (id INTEGER PRIMARY KEY);',
};
const third: Migration = { id: '20250103000000_third', sql: 'CREATE TABLE third (id INTEGER PRIMARY KEY);' };

let dirs: string[] = [];
function tempDbFile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'zxe-migrations-'));
  dirs.push(dir);
  return path.join(dir, 'engine.db');
}
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

function reopenWith(file: string, known: readonly Migration[]): string[] {
  const db = openEngineDb(file, { migrations: known });
  try {
    return appliedMigrationIds(db);
  } finally {
    db.close();
  }
}

describe('migrations', () => {
  it('apply every known migration to a new database and record them in order', () => {
    const db = openEngineDb(':memory:');
    expect(appliedMigrationIds(db)).toEqual(migrations.map((m) => m.id));
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(
      expect.arrayContaining([
        'account_period_totals',
        'account_sets',
        'accounts',
        'api_keys',
        'idempotency_records',
        'invoices',
        'periods',
        'schema_migrations',
        'tenants',
        'voucher_attachments',
        'voucher_lines',
        'vouchers',
      ]),
    );
    db.close();
  });

  it('have timestamped ids that sort in the order they are listed', () => {
    const ids = migrations.map((m) => m.id);
    for (const id of ids) expect(id).toMatch(/^\d{14}_[a-z0-9_]+$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('apply only the new ones when the engine learns more migrations', () => {
    const file = tempDbFile();
    expect(reopenWith(file, [first])).toEqual([first.id]);
    expect(reopenWith(file, [first, second])).toEqual([first.id, second.id]);
    expect(reopenWith(file, [first, second])).toEqual([first.id, second.id]);
  });

  it('refuse a database that has a migration the engine does not know (out-of-sync)', () => {
    const file = tempDbFile();
    reopenWith(file, [first, second]);
    expect(() => openEngineDb(file, { migrations: [first] })).toThrow(MigrationsOutOfSyncError);
    expect(() => openEngineDb(file, { migrations: [first] })).toThrow(/out-of-sync migrations/);
  });

  it('refuse a database whose applied list differs from the known one (renamed or skipped)', () => {
    const file = tempDbFile();
    reopenWith(file, [first, third]);
    expect(() => openEngineDb(file, { migrations: [first, second, third] })).toThrow(
      MigrationsOutOfSyncError,
    );
    const renamed = { ...first, id: '20250101000000_first_renamed' };
    expect(() => openEngineDb(file, { migrations: [renamed, third] })).toThrow(MigrationsOutOfSyncError);
  });

  it('leave no trace of a migration that fails half way', () => {
    const file = tempDbFile();
    const broken: Migration = { id: '20250102000000_broken', sql: 'CREATE TABLE ok (id INTEGER); NOT SQL;' };
    expect(() => openEngineDb(file, { migrations: [first, broken] })).toThrow();
    expect(reopenWith(file, [first])).toEqual([first.id]);
  });

  it('open file databases in WAL mode with foreign keys enforced', () => {
    const db = openEngineDb(tempDbFile());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() =>
      db
        .prepare(
          "INSERT INTO account_sets VALUES ('acc_x', 'ten_missing', 'x', 'active', '2024-01-01T00:00:00Z')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
