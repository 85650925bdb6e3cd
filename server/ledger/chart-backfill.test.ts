import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CHART, leafCodes } from '../../shared/ledger/chart-of-accounts.js';
import { openEngineDb } from '../db/engine-db.js';
import { migrations } from '../db/migrations/index.js';
import { createAccountSet } from '../tenancy/account-sets.js';
import { createTenant } from '../tenancy/tenants.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'zxe-backfill-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('chart of accounts per account set', () => {
  it('is backfilled for account sets created before the ledger existed', () => {
    const file = path.join(dir, 'engine.db');
    const old = openEngineDb(file, { migrations: migrations.slice(0, 1) });
    const tenant = createTenant(old, { name: '老租户' });
    // The foundation's own insert, as the seeding of that release did it.
    old
      .prepare("INSERT INTO account_sets VALUES ('acc_old1', ?, '老账套', 'active', '2024-01-01T00:00:00Z')")
      .run(tenant.id);
    old
      .prepare(
        "INSERT INTO account_sets VALUES ('acc_old2', ?, '冻结账套', 'frozen', '2024-01-02T00:00:00Z')",
      )
      .run(tenant.id);
    old.close();

    const db = openEngineDb(file);
    const leaves = leafCodes(DEFAULT_CHART);
    for (const id of ['acc_old1', 'acc_old2']) {
      const rows = db
        .prepare(
          'SELECT code, name, class, side, parent, is_leaf, tags FROM accounts WHERE account_set_id = ? ORDER BY code',
        )
        .all(id) as { code: string; is_leaf: number; tags: string; parent: string | null }[];
      expect(rows).toHaveLength(DEFAULT_CHART.length);
      for (const row of rows) expect(row.is_leaf === 1, row.code).toBe(leaves.has(row.code));
      expect(rows.find((r) => r.code === '22210102')).toMatchObject({
        parent: '222101',
        tags: '["销项税额"]',
      });
    }
    db.close();
  });

  it('is given to every new account set in the same transaction', () => {
    const db = openEngineDb(':memory:');
    const tenant = createTenant(db, { name: 'T' });
    const set = createAccountSet(db, { tenantId: tenant.id, name: '新账套' });
    expect(db.prepare('SELECT count(*) FROM accounts WHERE account_set_id = ?').pluck().get(set.id)).toBe(
      DEFAULT_CHART.length,
    );
    expect(() => createAccountSet(db, { tenantId: 'ten_missing', name: 'x' })).toThrow(/FOREIGN KEY/);
    expect(db.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(DEFAULT_CHART.length);
    db.close();
  });
});
