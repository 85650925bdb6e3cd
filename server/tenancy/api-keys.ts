import {
  apiKeyLast4,
  apiKeyPrefix,
  apiKeySchema,
  generateApiKey,
  hashApiKey,
  type ApiKeyMode,
} from '../auth/api-keys.js';
import {
  apiKeyRecordSchema,
  findApiKeyRecord,
  type ApiKeyRecord,
  type ApiKeyScope,
} from '../auth/api-key-records.js';
import type { EngineDb } from '../db/engine-db.js';
import { isoTimestamp } from '../db/timestamps.js';
import { newId } from '../ids.js';

export interface RegisterKeyInput {
  tenantId: string;
  /** The plain key; only its hash and last four characters are stored. */
  key: string;
  scope?: ApiKeyScope;
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
  };
  db.prepare(
    `INSERT INTO api_keys (id, tenant_id, prefix, key_hash, last4, scope, revoked_at, created_at)
     VALUES (@id, @tenant_id, @prefix, @key_hash, @last4, @scope, @revoked_at, @created_at)`,
  ).run(row);
  return apiKeyRecordSchema.parse(row);
}

export interface IssueKeyInput {
  tenantId: string;
  mode?: ApiKeyMode;
  scope?: ApiKeyScope;
}

export interface IssuedKey {
  /** The only time the plain key exists on the engine's side: hand it over and forget it. */
  key: string;
  record: ApiKeyRecord;
}

export function issueKey(db: EngineDb, input: IssueKeyInput): IssuedKey {
  const key = generateApiKey(input.mode ?? 'live');
  const record = registerKey(db, { tenantId: input.tenantId, key, scope: input.scope });
  return { key, record };
}

/** Revokes a key of the tenant; false when it has no such key or the key was already revoked. */
export function revokeKey(db: EngineDb, tenantId: string, keyId: string): boolean {
  const result = db
    .prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND tenant_id = ? AND revoked_at IS NULL')
    .run(isoTimestamp(), keyId, tenantId);
  return result.changes === 1;
}

/**
 * Makes `key` a working key of `tenantId`, registering it if it is new. Refuses a key that belongs
 * to another tenant or was revoked: re-activating it here would undo a revocation silently.
 */
export function ensureKeyOfTenant(db: EngineDb, tenantId: string, key: string): void {
  const existing = findApiKeyRecord(db, key);
  if (!existing) {
    registerKey(db, { tenantId, key });
    return;
  }
  if (existing.tenantId !== tenantId) throw new Error('该 API Key 已属于其他租户，不能用于此租户');
  if (existing.revokedAt !== null) throw new Error('该 API Key 已被吊销，请换一个新的 API Key');
}
