import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { EngineDb } from '../db/engine-db.js';
import { statement } from '../db/statements.js';

/**
 * How the engine stores and finds keys: by SHA-256 hash. The key's format and generator are shared
 * with main (shared/api/api-key-format.ts); issuing and revoking keys is server/tenancy/tenant-keys.ts.
 */

/**
 * SHA-256 rather than a slow password hash: the key carries ~190 random bits, so there is nothing
 * to brute-force, and every request has to hash it.
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export const apiKeyScopeSchema = z.enum(['read_write', 'read_only']);
export type ApiKeyScope = z.infer<typeof apiKeyScopeSchema>;

/** A row of `api_keys`; the plain key is never stored, only its hash and last four characters. */
export const apiKeyRecordSchema = z
  .object({
    id: z.string(),
    tenant_id: z.string(),
    prefix: z.enum(['sk_live_', 'sk_test_']),
    key_hash: z.string().regex(/^[0-9a-f]{64}$/),
    last4: z.string().length(4),
    scope: apiKeyScopeSchema,
    revoked_at: z.string().nullable(),
    created_at: z.string(),
    // NULL: the engine's default limit applies.
    rate_per_second: z.number().int().positive().nullable(),
    rate_burst: z.number().int().positive().nullable(),
  })
  .transform((row) => ({
    id: row.id,
    tenantId: row.tenant_id,
    prefix: row.prefix,
    keyHash: row.key_hash,
    last4: row.last4,
    scope: row.scope,
    revokedAt: row.revoked_at,
    createdAt: row.created_at,
    ratePerSecond: row.rate_per_second,
    rateBurst: row.rate_burst,
  }));

export type ApiKeyRecord = z.output<typeof apiKeyRecordSchema>;

/** The record of a key, revoked or not; `undefined` when the key was never registered. */
export function findApiKeyRecord(db: EngineDb, key: string): ApiKeyRecord | undefined {
  const row: unknown = statement(db, 'SELECT * FROM api_keys WHERE key_hash = ?').get(hashApiKey(key));
  return row === undefined ? undefined : apiKeyRecordSchema.parse(row);
}

/** The key's record when it may be used to call the API (registered and not revoked). */
export function findActiveApiKey(db: EngineDb, key: string): ApiKeyRecord | undefined {
  const record = findApiKeyRecord(db, key);
  return record && record.revokedAt === null ? record : undefined;
}
