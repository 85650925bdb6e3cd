import { z } from 'zod';
import { accountSetStatusSchema, type AccountSetStatus } from '../../shared/api/index.js';
import type { EngineDb } from '../db/engine-db.js';
import { isoTimestamp } from '../db/timestamps.js';
import { newId } from '../ids.js';

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
  db.prepare(
    `INSERT INTO account_sets (id, tenant_id, name, status, created_at)
     VALUES (@id, @tenant_id, @name, @status, @created_at)`,
  ).run(row);
  return accountSetRecordSchema.parse(row);
}

/** The tenant's account sets, oldest first; rowid breaks ties within the same second. */
export function listAccountSets(db: EngineDb, tenantId: string): AccountSetRecord[] {
  const rows = db
    .prepare('SELECT * FROM account_sets WHERE tenant_id = ? ORDER BY created_at, rowid')
    .all(tenantId);
  return z.array(accountSetRecordSchema).parse(rows);
}
