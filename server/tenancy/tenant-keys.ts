import { z } from 'zod';
import {
  apiKeyLast4,
  apiKeyPrefix,
  apiKeySchema,
  generateApiKey,
  type ApiKeyMode,
} from '../../shared/api/api-key-format.js';
import {
  apiKeyRecordSchema,
  findApiKeyRecord,
  hashApiKey,
  type ApiKeyRecord,
  type ApiKeyScope,
} from '../auth/api-key-lookup.js';
import type { EngineDb } from '../db/engine-db.js';
import { isoTimestamp } from '../db/timestamps.js';
import { newId } from '../ids.js';
import type { KeyRateLimit } from '../ratelimit/rate-limits.js';

/** The keys of a tenant: registering, issuing, revoking, listing them, and their rate limits. */

export interface RegisterKeyInput {
  tenantId: string;
  /** The plain key; only its hash and last four characters are stored. */
  key: string;
  scope?: ApiKeyScope;
  /** Omitted: the engine's default limit. */
  rateLimit?: KeyRateLimit;
}

/** Stores a key that was generated elsewhere (the desktop's keychain key, a fixed demo key). */
export function registerKey(db: EngineDb, input: RegisterKeyInput): ApiKeyRecord {
  const key = apiKeySchema.parse(input.key);
  const row = {
    id: newId('key_'),
    tenant_id: input.tenantId,
    prefix: apiKeyPrefix(key),
    key_hash: hashApiKey(key),
    last4: apiKeyLast4(key),
    scope: input.scope ?? 'read_write',
    revoked_at: null,
    created_at: isoTimestamp(),
    rate_per_second: input.rateLimit?.perSecond ?? null,
    rate_burst: input.rateLimit?.burst ?? null,
  };
  db.prepare(
    `INSERT INTO api_keys (id, tenant_id, prefix, key_hash, last4, scope, revoked_at, created_at,
                           rate_per_second, rate_burst)
     VALUES (@id, @tenant_id, @prefix, @key_hash, @last4, @scope, @revoked_at, @created_at,
             @rate_per_second, @rate_burst)`,
  ).run(row);
  return apiKeyRecordSchema.parse(row);
}

export interface IssueKeyInput {
  tenantId: string;
  mode?: ApiKeyMode;
  scope?: ApiKeyScope;
  rateLimit?: KeyRateLimit;
}

export interface IssuedKey {
  /** The only time the plain key exists on the engine's side: hand it over and forget it. */
  key: string;
  record: ApiKeyRecord;
}

export function issueKey(db: EngineDb, input: IssueKeyInput): IssuedKey {
  const key = generateApiKey(input.mode ?? 'live');
  const record = registerKey(db, {
    tenantId: input.tenantId,
    key,
    scope: input.scope,
    rateLimit: input.rateLimit,
  });
  return { key, record };
}

/** Revokes a key of the tenant; false when it has no such key or the key was already revoked. */
export function revokeKey(db: EngineDb, tenantId: string, keyId: string): boolean {
  const result = db
    .prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND tenant_id = ? AND revoked_at IS NULL')
    .run(isoTimestamp(), keyId, tenantId);
  return result.changes === 1;
}

/** Sets a key's rate limit (`undefined`: back to the engine's default); false when there is no such key. */
export function setKeyRateLimit(db: EngineDb, keyId: string, rateLimit: KeyRateLimit | undefined): boolean {
  const result = db
    .prepare('UPDATE api_keys SET rate_per_second = ?, rate_burst = ? WHERE id = ?')
    .run(rateLimit?.perSecond ?? null, rateLimit?.burst ?? null, keyId);
  return result.changes === 1;
}

export function findKeyById(db: EngineDb, keyId: string): ApiKeyRecord | undefined {
  const row: unknown = db.prepare('SELECT * FROM api_keys WHERE id = ?').get(keyId);
  return row === undefined ? undefined : apiKeyRecordSchema.parse(row);
}

/** Every key of the tenant, revoked ones included, oldest first. */
export function listKeys(db: EngineDb, tenantId: string): ApiKeyRecord[] {
  const rows = db
    .prepare('SELECT * FROM api_keys WHERE tenant_id = ? ORDER BY created_at, rowid')
    .all(tenantId);
  return z.array(apiKeyRecordSchema).parse(rows);
}

export interface EnsureKeyOptions {
  /** Applied whether the key is new or known, so a changed default reaches keys registered before. */
  rateLimit?: KeyRateLimit;
}

/**
 * Makes `key` a working key of `tenantId`, registering it if it is new. Refuses a key that belongs
 * to another tenant or was revoked: re-activating it here would undo a revocation silently.
 */
export function ensureKeyOfTenant(
  db: EngineDb,
  tenantId: string,
  key: string,
  options: EnsureKeyOptions = {},
): void {
  const existing = findApiKeyRecord(db, key);
  if (!existing) {
    registerKey(db, { tenantId, key, rateLimit: options.rateLimit });
    return;
  }
  if (existing.tenantId !== tenantId) throw new Error('该 API Key 已属于其他租户，不能用于此租户');
  if (existing.revokedAt !== null) throw new Error('该 API Key 已被吊销，请换一个新的 API Key');
  if (options.rateLimit) setKeyRateLimit(db, existing.id, options.rateLimit);
}

/**
 * Revokes every active key of the tenant except `keepKeyId`; returns how many. For the well-known
 * tenants that have one holder (the desktop's local tenant, the demo tenant): a new key replaces
 * the old one instead of piling up beside it.
 */
export function revokeOtherKeys(db: EngineDb, tenantId: string, keepKeyId: string): number {
  const result = db
    .prepare('UPDATE api_keys SET revoked_at = ? WHERE tenant_id = ? AND id <> ? AND revoked_at IS NULL')
    .run(isoTimestamp(), tenantId, keepKeyId);
  return result.changes;
}

/**
 * `ensureKeyOfTenant`, then every other active key of the tenant is revoked: afterwards `key` is
 * the tenant's only working key. Same refusals as `ensureKeyOfTenant` (another tenant's key, a
 * revoked key), so a stale key can never revoke the current one.
 */
export function makeSoleKeyOfTenant(
  db: EngineDb,
  tenantId: string,
  key: string,
  options: EnsureKeyOptions = {},
): { revoked: number } {
  return db.transaction(() => {
    ensureKeyOfTenant(db, tenantId, key, options);
    const record = findApiKeyRecord(db, key);
    if (!record) throw new Error('API Key 登记失败');
    return { revoked: revokeOtherKeys(db, tenantId, record.id) };
  })();
}
