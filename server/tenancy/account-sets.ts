import { z } from 'zod';
import { accountSetStatusSchema, type AccountSetStatus } from '../../shared/api/index.js';
import type { EngineDb } from '../db/engine-db.js';
import { statement } from '../db/statements.js';
import { isoTimestamp } from '../db/timestamps.js';
import { newId } from '../ids.js';
import { insertDefaultChart } from '../ledger/chart-rows.js';

export const accountSetRecordSchema = z
  .object({
    id: z.string(),
    tenant_id: z.string(),
    name: z.string(),
    status: accountSetStatusSchema,
    created_at: z.string(),
  })
  .transform((row) => ({
    id: row.id,
    tenantId: row.tenant_id,
    name: row.name,
    status: row.status,
    createdAt: row.created_at,
  }));

export type AccountSetRecord = z.output<typeof accountSetRecordSchema>;

export interface CreateAccountSetInput {
  tenantId: string;
  name: string;
  status?: AccountSetStatus;
}

export function createAccountSet(db: EngineDb, input: CreateAccountSetInput): AccountSetRecord {
  const row = {
    id: newId('acc_'),
    tenant_id: input.tenantId,
    name: input.name,
    status: input.status ?? 'active',
    created_at: isoTimestamp(),
  };
  // An account set is never without its chart: vouchers are checked against it from the start.
  db.transaction(() => {
    statement(
      db,
      `INSERT INTO account_sets (id, tenant_id, name, status, created_at)
       VALUES (@id, @tenant_id, @name, @status, @created_at)`,
    ).run(row);
    insertDefaultChart(db, row.id);
  })();
  return accountSetRecordSchema.parse(row);
}

/** The account set when it exists and belongs to the tenant; others' sets are as good as absent. */
export function findAccountSetOfTenant(
  db: EngineDb,
  tenantId: string,
  accountSetId: string,
): AccountSetRecord | undefined {
  const row: unknown = statement(db, 'SELECT * FROM account_sets WHERE id = ? AND tenant_id = ?').get(
    accountSetId,
    tenantId,
  );
  return row === undefined ? undefined : accountSetRecordSchema.parse(row);
}

export function findAccountSet(db: EngineDb, accountSetId: string): AccountSetRecord | undefined {
  const row: unknown = statement(db, 'SELECT * FROM account_sets WHERE id = ?').get(accountSetId);
  return row === undefined ? undefined : accountSetRecordSchema.parse(row);
}

/** Freezes or unfreezes an account set; false when there is no such set. */
export function setAccountSetStatus(db: EngineDb, accountSetId: string, status: AccountSetStatus): boolean {
  return (
    statement(db, 'UPDATE account_sets SET status = ? WHERE id = ?').run(status, accountSetId).changes === 1
  );
}

/** The tenant's account sets, oldest first; rowid breaks ties within the same second. */
export function listAccountSets(db: EngineDb, tenantId: string): AccountSetRecord[] {
  const rows = db
    .prepare('SELECT * FROM account_sets WHERE tenant_id = ? ORDER BY created_at, rowid')
    .all(tenantId);
  return z.array(accountSetRecordSchema).parse(rows);
}
