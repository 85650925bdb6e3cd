import { z } from 'zod';
import type { EngineDb } from '../db/engine-db.js';
import { isoTimestamp } from '../db/timestamps.js';
import { newId } from '../ids.js';

export const tenantRecordSchema = z
  .object({ id: z.string(), name: z.string(), created_at: z.string() })
  .transform((row) => ({ id: row.id, name: row.name, createdAt: row.created_at }));

export type TenantRecord = z.output<typeof tenantRecordSchema>;

export interface CreateTenantInput {
  name: string;
  /** A fixed id for the well-known tenants (local, demo); random otherwise. */
  id?: string;
}

export function createTenant(db: EngineDb, input: CreateTenantInput): TenantRecord {
  const tenant = { id: input.id ?? newId('ten_'), name: input.name, created_at: isoTimestamp() };
  db.prepare('INSERT INTO tenants (id, name, created_at) VALUES (@id, @name, @created_at)').run(tenant);
  return tenantRecordSchema.parse(tenant);
}

export function findTenant(db: EngineDb, id: string): TenantRecord | undefined {
  const row: unknown = db.prepare('SELECT id, name, created_at FROM tenants WHERE id = ?').get(id);
  return row === undefined ? undefined : tenantRecordSchema.parse(row);
}

/** Creates the well-known tenant `id` unless it exists. */
export function ensureTenant(db: EngineDb, id: string, name: string): void {
  if (!findTenant(db, id)) createTenant(db, { id, name });
}
