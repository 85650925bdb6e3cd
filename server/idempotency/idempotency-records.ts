import { z } from 'zod';
import type { EngineDb } from '../db/engine-db.js';
import { statement } from '../db/statements.js';
import { isoTimestamp } from '../db/timestamps.js';

/** How long a key is remembered; as Stripe does, a day covers any sensible retry schedule. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** Expired records are swept at most this often, on a write. */
const PURGE_INTERVAL_MS = 60 * 1000;

const recordSchema = z.object({
  fingerprint: z.string(),
  status_code: z.number().int().min(200).max(599),
  response_body: z.string(),
});

export interface IdempotencyRecord {
  fingerprint: string;
  statusCode: number;
  responseBody: string;
}

function cutoff(now: Date): string {
  return isoTimestamp(new Date(now.getTime() - IDEMPOTENCY_TTL_MS));
}

/** The stored answer for the tenant's key, unless it has expired. */
export function findIdempotencyRecord(
  db: EngineDb,
  tenantId: string,
  key: string,
  now = new Date(),
): IdempotencyRecord | undefined {
  const row: unknown = statement(
    db,
    `SELECT fingerprint, status_code, response_body FROM idempotency_records
     WHERE tenant_id = ? AND idempotency_key = ? AND created_at >= ?`,
  ).get(tenantId, key, cutoff(now));
  if (row === undefined) return undefined;
  const parsed = recordSchema.parse(row);
  return {
    fingerprint: parsed.fingerprint,
    statusCode: parsed.status_code,
    responseBody: parsed.response_body,
  };
}

const lastPurge = new WeakMap<EngineDb, number>();

/** Stores the first answer; replaces an expired record of the same key. */
export function saveIdempotencyRecord(
  db: EngineDb,
  tenantId: string,
  key: string,
  record: IdempotencyRecord,
  now = new Date(),
): void {
  statement(
    db,
    `INSERT OR REPLACE INTO idempotency_records
       (tenant_id, idempotency_key, fingerprint, status_code, response_body, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(tenantId, key, record.fingerprint, record.statusCode, record.responseBody, isoTimestamp(now));
  if (now.getTime() - (lastPurge.get(db) ?? 0) > PURGE_INTERVAL_MS) {
    lastPurge.set(db, now.getTime());
    statement(db, 'DELETE FROM idempotency_records WHERE created_at < ?').run(cutoff(now));
  }
}
