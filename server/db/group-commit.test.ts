import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiHttpError } from '../errors/api-http-error.js';
import { openEngineDb, type EngineDb } from './engine-db.js';
import { GroupCommit } from './group-commit.js';

let dir: string;
let db: EngineDb;
let other: Database.Database;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'zxe-group-commit-'));
  const file = path.join(dir, 'engine.db');
  db = openEngineDb(file);
  // A second connection sees only what was committed, as another process would.
  other = new Database(file, { readonly: true });
});
afterEach(() => {
  other.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function insertTenant(id: string): void {
  db.prepare("INSERT INTO tenants (id, name, created_at) VALUES (?, 'x', '2026-01-01T00:00:00Z')").run(id);
}
const committedTenants = (): unknown[] => other.prepare('SELECT id FROM tenants ORDER BY id').pluck().all();

describe('GroupCommit', () => {
  it('runs the writes of one turn in one transaction and answers only after it is committed', async () => {
    const commits = new GroupCommit(db);
    const seenByOthers: unknown[][] = [];
    const writes = ['ten_a', 'ten_b', 'ten_c'].map((id) =>
      commits.run(() => {
        insertTenant(id);
        seenByOthers.push(committedTenants());
        return id;
      }),
    );
    expect(await Promise.all(writes)).toEqual(['ten_a', 'ten_b', 'ten_c']);
    // Inside the group nothing was visible yet: the three shared one (uncommitted) transaction.
    expect(seenByOthers).toEqual([[], [], []]);
    expect(committedTenants()).toEqual(['ten_a', 'ten_b', 'ten_c']);
  });

  it('a refused write is rolled back alone; the others of its group are stored', async () => {
    const commits = new GroupCommit(db);
    const ok1 = commits.run(() => insertTenant('ten_1'));
    const refused = commits.run(() => {
      insertTenant('ten_2');
      throw new ApiHttpError(400, '参数错误：测试');
    });
    const ok3 = commits.run(() => insertTenant('ten_3'));
    await expect(refused).rejects.toBeInstanceOf(ApiHttpError);
    await Promise.all([ok1, ok3]);
    expect(committedTenants()).toEqual(['ten_1', 'ten_3']);
  });

  it('a failed COMMIT fails every write of the group and stores none', async () => {
    const commits = new GroupCommit(db);
    // A deferred foreign key is only checked at COMMIT: the whole group then fails.
    db.pragma('defer_foreign_keys = ON');
    const a = commits.run(() => {
      db.pragma('defer_foreign_keys = ON');
      insertTenant('ten_ok');
    });
    const b = commits.run(() =>
      db
        .prepare(
          "INSERT INTO account_sets (id, tenant_id, name, status, created_at) VALUES ('acc_x', 'ten_missing', 'x', 'active', '2026-01-01T00:00:00Z')",
        )
        .run(),
    );
    await expect(a).rejects.toThrow();
    await expect(b).rejects.toThrow();
    expect(committedTenants()).toEqual([]);
  });
});
